package org.backprop.server.submission;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.backprop.server.storage.ObjectStore;
import org.backprop.server.storage.ObjectStores;
import org.jboss.logging.Logger;

/**
 * Submitted files, each named by the SHA-256 of its bytes ({@code ab/abcdef…}), in the {@link ObjectStore} of the
 * "blobs" area: the blob folder, or an S3 bucket with that folder as this replica's copies. A file is written to
 * {@code tmp/} in the blob folder while it is hashed, then handed to the store, which makes it appear whole or not
 * at all; the database row that refers to it is committed only after that. A crash leaves at most a temporary file,
 * which the next start removes. Thread-safe.
 */
@ApplicationScoped
public class BlobStore {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Logger LOG = Logger.getLogger(BlobStore.class);
    private static final int BUFFER = 64 * 1024;

    @Inject
    SubmissionConfig config;

    @Inject
    ObjectStores stores;

    private ObjectStore objects;

    @PostConstruct
    void open() {
        // Only the server reads submitted files, as in the local folder, where they are written private.
        objects = stores.open("blobs", config.blobDir(), PosixFilePermissions.fromString("rw-------"));
    }

    /** Creates the folders and removes what an interrupted write left behind. */
    void onStart(@Observes StartupEvent event) throws IOException {
        Files.createDirectories(tmp());
        try (Stream<Path> leftovers = Files.list(tmp())) {
            long removed = leftovers.filter(Files::isRegularFile).peek(BlobStore::deleteQuietly).count();
            if (removed > 0) {
                LOG.infof("Removed %d unfinished blob files from %s", removed, tmp());
            }
        }
    }

    /** Stores the file at {@code source} and returns the SHA-256 (hex) it is stored under. */
    public String put(Path source) {
        try (InputStream in = Files.newInputStream(source)) {
            return put(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store " + source, e);
        }
    }

    /**
     * Returns a local file that holds a stored blob (downloaded first where the store is remote); the caller got
     * {@code sha256} from {@link #put}.
     */
    public Path path(String sha256) {
        try {
            return objects.local(key(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the blob " + sha256, e);
        }
    }

    /** Where blobs are kept, for the readiness check. */
    public ObjectStore objects() {
        return objects;
    }

    /**
     * Stores what {@code in} holds, read to its end, and returns the SHA-256 (hex) it is stored under. A stream that
     * throws while read (a size cap, say) leaves nothing behind, and its exception goes to the caller.
     */
    public String put(InputStream in) throws IOException {
        Path temporary = Files.createTempFile(tmp(), "blob-", ".part");
        try {
            MessageDigest digest = sha256();
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[BUFFER];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    digest.update(buffer, 0, read);
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
                    while (chunk.hasRemaining()) {
                        out.write(chunk);
                    }
                }
            }
            String hash = HexFormat.of().formatHex(digest.digest());
            String key = key(hash);
            if (objects.exists(key)) {
                Files.delete(temporary);
                return hash;
            }
            objects.put(key, temporary);
            return hash;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temporary);
            throw e;
        }
    }

    private static String key(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got " + sha256);
        }
        return sha256.substring(0, 2) + "/" + sha256;
    }

    private Path tmp() {
        return config.blobDir().resolve("tmp");
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warnf("Could not delete %s: %s", path, e.getMessage());
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
