package org.backprop.grader.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.nn.data.store.DatasetManifest;

/**
 * Lays out one run's datasets in its scratch folder, in the sandbox layout that {@code run-program.mjs} reads
 * ({@code manifests/<name>.json}, {@code shards/<sha256>}), and says how the jail shows it at {@link #INSIDE}.
 *
 * <p>Shards are never copied (a dataset is tens of MB to GB): in a jail each stored shard file is bound read-only
 * over an empty file of the same name in {@code shards/}, which must exist because the folder itself is bound
 * read-only first and a mount point cannot be created in it. Unjailed (development only) {@code shards/} holds links
 * to the stored files instead. Either way only the shards {@link RunDatasets#visibleShards()} names are there.
 */
final class DatasetMount {
    /** Where the jailed program finds its datasets ({@code BACKPROP_DATASETS_DIR}). */
    static final String INSIDE = "/datasets";

    private final Path folder;
    private final Map<String, Path> shards;

    private DatasetMount(Path folder, Map<String, Path> shards) {
        this.folder = folder;
        this.shards = shards;
    }

    /** Writes the manifests of {@code datasets} and the shard entries into {@code folder}, which must not exist. */
    static DatasetMount prepare(Path folder, RunDatasets datasets, boolean jailed) throws IOException {
        Path manifests = readable(Files.createDirectories(folder.resolve("manifests")));
        Path shardFolder = readable(Files.createDirectories(folder.resolve("shards")));
        readable(folder);
        for (DatasetManifest manifest : datasets.manifests()) {
            readable(Files.writeString(manifests.resolve(manifest.name() + ".json"), manifest.toJson(),
                    StandardCharsets.UTF_8));
        }
        Map<String, Path> shards = new LinkedHashMap<>();
        for (String sha256 : datasets.visibleShards()) {
            Path stored = datasets.shardFiles().file(sha256).toAbsolutePath();
            if (!Files.isRegularFile(stored)) {
                throw new IllegalStateException("The dataset store has no file for shard " + sha256 + " (looked at "
                        + stored + ")");
            }
            if (jailed) {
                readable(Files.createFile(shardFolder.resolve(sha256)));
            } else {
                Files.createSymbolicLink(shardFolder.resolve(sha256), stored);
            }
            shards.put(sha256, stored);
        }
        return new DatasetMount(folder, shards);
    }

    /** Returns the folder as the host sees it, which an unjailed program reads directly. */
    Path folder() {
        return folder;
    }

    /**
     * Returns the read-only binds that show the datasets at {@link #INSIDE}: the folder first, then each shard over
     * its empty stand-in. The stored shard files must be readable by the sandbox user (the store writes them 0644).
     */
    List<Jail.Bind> binds() {
        List<Jail.Bind> binds = new ArrayList<>(shards.size() + 1);
        binds.add(new Jail.Bind(folder, INSIDE));
        shards.forEach((sha256, stored) -> binds.add(new Jail.Bind(stored, INSIDE + "/shards/" + sha256)));
        return binds;
    }

    private static Path readable(Path path) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x"
                : "rw-r--r--"));
        return path;
    }
}
