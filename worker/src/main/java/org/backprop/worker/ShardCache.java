package org.backprop.worker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.backprop.grader.worker.LeaseEndedException;
import org.backprop.grader.worker.ShardSource;

/**
 * Dataset shards on the worker's disk, by SHA-256 ({@code ab/abcdef…}), fetched over the worker API the first time a
 * job needs one. A download is checked against its hash and written to a temporary file that is renamed into place,
 * so a file in the cache is always a whole, verified shard, whatever stopped the worker. Thread-safe: two slots that
 * fetch the same shard at once both write the same bytes.
 */
final class ShardCache implements ShardSource {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path folder;
    private final WorkerApi api;

    ShardCache(Path folder, WorkerApi api) {
        this.folder = folder.toAbsolutePath();
        this.api = api;
    }

    @Override
    public Path shard(String sha256) throws IOException {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IOException("A shard is named by 64 lower-case hex digits, not \"" + sha256 + "\"");
        }
        Path file = folder.resolve(sha256.substring(0, 2)).resolve(sha256);
        if (Files.isRegularFile(file)) {
            return file;
        }
        Files.createDirectories(file.getParent());
        Path partial = Files.createTempFile(file.getParent(), sha256, ".part");
        try {
            String got = fetch(sha256, partial);
            if (!got.equals(sha256)) {
                throw new IOException("The server sent shard " + sha256 + " with the SHA-256 " + got);
            }
            // The sandbox's unprivileged user reads shards bound into its jail.
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Downloads the shard into {@code target}; returns the SHA-256 of what came. */
    private String fetch(String sha256, Path target) throws IOException {
        MessageDigest digest = sha256();
        InputStream download;
        try {
            download = api.download("/api/worker/shards/" + sha256);
        } catch (LeaseEndedException | WorkerApi.ApiException e) {
            throw new IOException("Could not fetch shard " + sha256 + ": " + e.getMessage(), e);
        }
        try (InputStream in = download;
                OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
            in.transferTo(out);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
