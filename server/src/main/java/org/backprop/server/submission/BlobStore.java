package org.backprop.server.submission;

import io.quarkus.runtime.StartupEvent;
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
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Submitted files on disk, each named by the SHA-256 of its bytes ({@code ab/abcdef…}). A file is written
 * to {@code tmp/}, forced to disk, then renamed into place and its folder forced too, so a name that exists
 * always holds the complete file; the database row that refers to it is committed only after that. A crash
 * leaves at most a temporary file, which the next start removes. Thread-safe.
 */
@ApplicationScoped
public class BlobStore {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Logger LOG = Logger.getLogger(BlobStore.class);
    private static final int BUFFER = 64 * 1024;

    @Inject
    SubmissionConfig config;

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

    /** Returns the path of a stored file; the caller got {@code sha256} from {@link #put}. */
    public Path path(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got " + sha256);
        }
        return config.blobDir().resolve(sha256.substring(0, 2)).resolve(sha256);
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
                out.force(true);
            }
            String hash = HexFormat.of().formatHex(digest.digest());
            Path target = path(hash);
            if (Files.exists(target)) {
                Files.delete(temporary);
                return hash;
            }
            Files.createDirectories(target.getParent());
            // Same content, same name: a concurrent writer of identical bytes replacing this file is harmless.
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceFolder(target.getParent());
            return hash;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temporary);
            throw e;
        }
    }

    /** Makes the rename durable: without it a power cut can forget the new name even though the data is on disk. */
    private static void forceFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
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
