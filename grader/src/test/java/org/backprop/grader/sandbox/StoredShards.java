package org.backprop.grader.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.backprop.nn.data.store.ShardRef;

/** Writes shards into a test's dataset store as the server's does: named by their SHA-256, readable by the jail. */
public final class StoredShards {
    private StoredShards() {
    }

    /** Stores {@code bytes} (a shard of {@code examples} examples) in {@code store} and returns its reference. */
    public static ShardRef write(Path store, byte[] bytes, int examples) throws IOException {
        String sha256;
        try {
            sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
        Path file = Files.write(store.resolve(sha256), bytes);
        file.toFile().setReadable(true, false);
        return new ShardRef(sha256, bytes.length, examples);
    }
}
