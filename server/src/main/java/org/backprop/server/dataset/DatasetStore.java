package org.backprop.server.dataset;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.backprop.nn.data.store.DatasetManifest;
import org.backprop.nn.data.store.ShardRef;
import org.jboss.logging.Logger;

/**
 * Datasets on disk: shards in {@code shards/ab/abcdef…} and manifests in {@code manifests/abcdef….json}, each
 * named by the SHA-256 of its bytes and so immutable. An import writes into a private folder under {@code tmp/}
 * ({@link Import}); only when it has succeeded are its shards moved into place, and the manifest is written last,
 * to a temporary file renamed into place, so a manifest that exists always names shards that exist. A failed
 * import's folder is deleted, and whatever a crash left in {@code tmp/} is removed at the next start.
 * Thread-safe.
 */
@ApplicationScoped
public class DatasetStore {
    private static final Logger LOG = Logger.getLogger(DatasetStore.class);

    @Inject
    DatasetConfig config;

    void onStart(@Observes StartupEvent event) throws IOException {
        Files.createDirectories(tmp());
        try (Stream<Path> leftovers = Files.list(tmp())) {
            long removed = leftovers.peek(DatasetStore::deleteTree).count();
            if (removed > 0) {
                LOG.infof("Removed %d unfinished dataset imports from %s", removed, tmp());
            }
        }
    }

    /** Starts an import in a folder of its own; close it whether or not it is committed. */
    public Import begin() {
        try {
            Files.createDirectories(tmp());
            return new Import(Files.createTempDirectory(tmp(), "import-"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start an import in " + tmp(), e);
        }
    }

    /** Returns the path of a stored shard (which may not exist); {@code sha256} must be 64 lower-case hex digits. */
    public Path shard(String sha256) {
        requireSha256(sha256);
        return config.dir().resolve("shards").resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /** Returns the path of a stored manifest (which may not exist). */
    public Path manifest(String sha256) {
        requireSha256(sha256);
        return config.dir().resolve("manifests").resolve(sha256 + ".json");
    }

    /** Reads a stored manifest. */
    public DatasetManifest readManifest(String sha256) {
        try {
            return DatasetManifest.fromJson(Files.readString(manifest(sha256), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the manifest " + sha256, e);
        }
    }

    /** Deletes a manifest that no dataset refers to any more, e.g. when the row naming it was not committed. */
    void deleteManifest(String sha256) {
        deleteTree(manifest(sha256));
    }

    private Path tmp() {
        return config.dir().resolve("tmp");
    }

    /**
     * One import's private folder: {@code upload/} for the unpacked archive and the shards built so far, kept
     * until {@link #commit} moves them into the store.
     */
    public final class Import implements ShardSink, AutoCloseable {
        private final Path folder;
        private final Map<String, Path> shards = new LinkedHashMap<>();

        private Import(Path folder) {
            this.folder = folder;
        }

        /** The folder the upload is unpacked into. */
        public Path uploadFolder() throws IOException {
            return Files.createDirectories(folder.resolve("upload"));
        }

        @Override
        public ShardRef put(byte[] shard, int examples) {
            String hash = HexFormat.of().formatHex(sha256().digest(shard));
            Path file = folder.resolve("shards").resolve(hash);
            try {
                if (!shards.containsKey(hash)) {
                    Files.createDirectories(file.getParent());
                    Files.write(file, shard);
                    // Grading runs bind shards into a jail whose user is not the server's: they must be world-readable.
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
                    shards.put(hash, file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write a shard to " + file, e);
            }
            return new ShardRef(hash, shard.length, examples);
        }

        /**
         * Moves every shard into the store, then writes the manifest (temporary file, forced, renamed); returns
         * the manifest's SHA-256. A shard already stored (the same bytes from another import) is kept as it is.
         */
        public String commit(DatasetManifest manifest) {
            try {
                for (Map.Entry<String, Path> entry : shards.entrySet()) {
                    Path target = shard(entry.getKey());
                    if (!Files.exists(target)) {
                        force(entry.getValue());
                        Files.createDirectories(target.getParent());
                        Files.move(entry.getValue(), target, StandardCopyOption.ATOMIC_MOVE,
                                StandardCopyOption.REPLACE_EXISTING);
                        forceFolder(target.getParent());
                    }
                }
                byte[] json = manifest.toJson().getBytes(StandardCharsets.UTF_8);
                String hash = HexFormat.of().formatHex(sha256().digest(json));
                Path target = manifest(hash);
                Path temporary = folder.resolve("manifest.json");
                Files.write(temporary, json);
                force(temporary);
                Files.createDirectories(target.getParent());
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                forceFolder(target.getParent());
                return hash;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not store the dataset " + manifest.name(), e);
            }
        }

        /** Deletes the import's folder: the unpacked upload and any shard not committed. */
        @Override
        public void close() {
            deleteTree(folder);
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Makes a rename durable: without it a power cut can forget the new name even though the data is on disk. */
    private static void forceFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static void requireSha256(String sha256) {
        if (sha256 == null || !ShardRef.isSha256(sha256)) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got " + sha256);
        }
    }

    private static void deleteTree(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            all.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warnf("Could not delete %s: %s", file, e.getMessage());
                }
            });
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
