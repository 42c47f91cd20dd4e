package org.backprop.server.dataset;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.backprop.server.storage.ObjectStore;
import org.backprop.server.storage.ObjectStores;
import org.jboss.logging.Logger;

/**
 * Datasets in the {@link ObjectStore} of the "datasets" area (the datasets folder, or an S3 bucket with that folder
 * as this replica's copies): shards under {@code shards/ab/abcdef…} and manifests under {@code manifests/abcdef….json},
 * each named by the SHA-256 of its bytes and so immutable. An import writes into a private folder under the local
 * {@code tmp/} ({@link Import}); only when it has succeeded are its shards stored, and the manifest is stored last,
 * so a manifest that exists always names shards that exist. A failed import's folder is deleted, and whatever a
 * crash left in {@code tmp/} is removed at the next start. Thread-safe.
 */
@ApplicationScoped
public class DatasetStore {
    private static final Logger LOG = Logger.getLogger(DatasetStore.class);

    @Inject
    DatasetConfig config;

    @Inject
    ObjectStores stores;

    private ObjectStore objects;

    @PostConstruct
    void open() {
        objects = stores.open("datasets", config.dir(), PosixFilePermissions.fromString("rw-r--r--"));
    }

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

    /**
     * Returns a local file that holds a stored shard, world-readable (downloaded first where the store is remote);
     * {@code sha256} must be 64 lower-case hex digits.
     */
    public Path shard(String sha256) {
        try {
            return objects.local(shardKey(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the shard " + sha256, e);
        }
    }

    /**
     * Stores {@code bytes}, a pretrained model's saved model, next to the shards by its SHA-256 and returns that
     * hash: everything that moves shards by hash (the worker API and the worker's cache, the grading sandbox's
     * read-only binds) then moves models too, world-readable like shards. Bytes already stored are kept as they are.
     */
    public String putObject(byte[] bytes) {
        String hash = HexFormat.of().formatHex(sha256().digest(bytes));
        try {
            String key = shardKey(hash);
            if (!objects.exists(key)) {
                Files.createDirectories(tmp());
                Path file = Files.createTempFile(tmp(), "object-", ".tmp");
                Files.write(file, bytes);
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
                objects.put(key, file);
            }
            return hash;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the object " + hash, e);
        }
    }

    /** Reads a stored manifest. */
    public DatasetManifest readManifest(String sha256) {
        try {
            return DatasetManifest.fromJson(Files.readString(objects.local(manifestKey(sha256)),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the manifest " + sha256, e);
        }
    }

    /** Deletes a manifest that no dataset refers to any more, e.g. when the row naming it was not committed. */
    void deleteManifest(String sha256) {
        try {
            objects.delete(manifestKey(sha256));
        } catch (IOException e) {
            LOG.warnf("Could not delete the manifest %s: %s", sha256, e.getMessage());
        }
    }

    /** Where datasets are kept, for the readiness check. */
    public ObjectStore objects() {
        return objects;
    }

    private static String shardKey(String sha256) {
        requireSha256(sha256);
        return "shards/" + sha256.substring(0, 2) + "/" + sha256;
    }

    private static String manifestKey(String sha256) {
        requireSha256(sha256);
        return "manifests/" + sha256 + ".json";
    }

    private Path tmp() {
        return config.dir().resolve("tmp");
    }

    /**
     * One import's private folder: {@code upload/} for the unpacked archive and the shards built so far, kept
     * until {@link #commit} hands them to the store.
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
         * Stores every shard, then the manifest, each appearing whole or not at all; returns the manifest's
         * SHA-256. A shard already stored (the same bytes from another import) is kept as it is.
         */
        public String commit(DatasetManifest manifest) {
            try {
                for (Map.Entry<String, Path> entry : shards.entrySet()) {
                    String key = shardKey(entry.getKey());
                    if (!objects.exists(key)) {
                        objects.put(key, entry.getValue());
                    }
                }
                byte[] json = manifest.toJson().getBytes(StandardCharsets.UTF_8);
                String hash = HexFormat.of().formatHex(sha256().digest(json));
                Path temporary = folder.resolve("manifest.json");
                Files.write(temporary, json);
                objects.put(manifestKey(hash), temporary);
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
