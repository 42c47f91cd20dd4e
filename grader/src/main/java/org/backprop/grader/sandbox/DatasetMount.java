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
import org.backprop.nn.data.store.PretrainedRef;

/**
 * Lays out one run's datasets and pretrained models in its scratch folder, in the sandbox layout that
 * {@code run-program.mjs} reads ({@code manifests/<name>.json}, {@code shards/<sha256>},
 * {@code pretrained/<name>.json}, {@code pretrained/<sha256>.bpm}), and says how the jail shows it at {@link #INSIDE}.
 *
 * <p>Shards and models are never copied (a dataset is tens of MB to GB, VGG16 half a GB): in a jail each stored file
 * is bound read-only
 * over an empty file of the same name in {@code shards/}, which must exist because the folder itself is bound
 * read-only first and a mount point cannot be created in it. Unjailed (development only) {@code shards/} holds links
 * to the stored files instead. Either way only the shards {@link RunDatasets#visibleShards()} names are there.
 */
final class DatasetMount {
    /** Where the jailed program finds its datasets ({@code BACKPROP_DATASETS_DIR}). */
    static final String INSIDE = "/datasets";

    private final Path folder;
    /** The stored file behind each entry, by its path relative to the folder. */
    private final Map<String, Path> files;

    private DatasetMount(Path folder, Map<String, Path> files) {
        this.folder = folder;
        this.files = files;
    }

    /**
     * Writes the manifests and model references of {@code datasets} and the shard and model entries into
     * {@code folder}, which must not exist.
     */
    static DatasetMount prepare(Path folder, RunDatasets datasets, boolean jailed) throws IOException {
        Path manifests = readable(Files.createDirectories(folder.resolve("manifests")));
        readable(Files.createDirectories(folder.resolve("shards")));
        readable(folder);
        for (DatasetManifest manifest : datasets.manifests()) {
            readable(Files.writeString(manifests.resolve(manifest.name() + ".json"), manifest.toJson(),
                    StandardCharsets.UTF_8));
        }
        Map<String, Path> files = new LinkedHashMap<>();
        for (String sha256 : datasets.visibleShards()) {
            files.put("shards/" + sha256, stored(datasets, sha256, "shard"));
        }
        Path models = readable(Files.createDirectories(folder.resolve("pretrained")));
        for (PretrainedRef model : datasets.pretrained()) {
            readable(Files.writeString(models.resolve(model.name() + ".json"), model.toJson(), StandardCharsets.UTF_8));
            files.put("pretrained/" + model.sha256() + ".bpm", stored(datasets, model.sha256(), "pretrained model"));
        }
        for (Map.Entry<String, Path> entry : files.entrySet()) {
            if (jailed) {
                readable(Files.createFile(folder.resolve(entry.getKey())));
            } else {
                Files.createSymbolicLink(folder.resolve(entry.getKey()), entry.getValue());
            }
        }
        return new DatasetMount(folder, files);
    }

    private static Path stored(RunDatasets datasets, String sha256, String kind) {
        Path stored = datasets.shardFiles().file(sha256).toAbsolutePath();
        if (!Files.isRegularFile(stored)) {
            throw new IllegalStateException("The store has no file for " + kind + " " + sha256 + " (looked at "
                    + stored + ")");
        }
        return stored;
    }

    /** Returns the folder as the host sees it, which an unjailed program reads directly. */
    Path folder() {
        return folder;
    }

    /**
     * Returns the read-only binds that show the datasets at {@link #INSIDE}: the folder first, then each shard and
     * model over its empty stand-in. The stored files must be readable by the sandbox user (the store writes them
     * 0644).
     */
    List<Jail.Bind> binds() {
        List<Jail.Bind> binds = new ArrayList<>(files.size() + 1);
        binds.add(new Jail.Bind(folder, INSIDE));
        files.forEach((entry, stored) -> binds.add(new Jail.Bind(stored, INSIDE + "/" + entry)));
        return binds;
    }

    private static Path readable(Path path) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x"
                : "rw-r--r--"));
        return path;
    }
}
