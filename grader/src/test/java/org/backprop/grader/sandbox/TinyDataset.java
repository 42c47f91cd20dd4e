package org.backprop.grader.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.backprop.nn.data.store.DatasetManifest;
import org.backprop.nn.data.store.ShardRef;
import org.backprop.nn.data.store.ShardWriter;
import org.backprop.nn.data.store.SplitManifest;

/**
 * A dataset "tiny" 1.0.0 in a store of its own, one file per shard named by its SHA-256: a visible split "train" of
 * two 2x2 grey images (classes "dark" and "light"), and a hidden split "test" of one. The manifest keeps the hidden
 * shard, as the staff's does: whoever gives it to a program must leave that out.
 */
public record TinyDataset(Path store, DatasetManifest manifest, String trainShard, String hiddenShard) {

    /** Writes the shards into {@code store} (created if missing), readable by the sandbox's user. */
    public static TinyDataset write(Path store) throws IOException {
        Files.createDirectories(store);
        ShardRef train = shard(store, new byte[] {0, 1, 2, 3, 4, 5, 6, 7}, 0, 1);
        ShardRef hidden = shard(store, new byte[] {9, 9, 9, 9}, 1);
        DatasetManifest manifest = new DatasetManifest("tiny", "1.0.0", 2, 2, 1, List.of("dark", "light"),
                List.of(new SplitManifest("train", 2, false, List.of(train)),
                        new SplitManifest("test", 1, true, List.of(hidden))));
        return new TinyDataset(store, manifest, train.sha256(), hidden.sha256());
    }

    private static ShardRef shard(Path store, byte[] pixels, int... labels) throws IOException {
        ShardWriter writer = new ShardWriter(2, 2, 1, labels.length);
        for (int i = 0; i < labels.length; i++) {
            writer.add(pixels, 4 * i, labels[i]);
        }
        return StoredShards.write(store, writer.toBytes(), labels.length);
    }

    /** Returns the run's datasets: this one, its shards read from the store. */
    public RunDatasets datasets() {
        return new RunDatasets(List.of(manifest), store::resolve);
    }

    /** Returns a shard's bytes in hex, as the test programs print them. */
    public String hex(String sha256) throws IOException {
        return HexFormat.of().formatHex(Files.readAllBytes(store.resolve(sha256)));
    }

    /** Writes the students' view in the sandbox layout into {@code folder}, for the JVM's FolderDatasetSource. */
    public Path layOut(Path folder) throws IOException {
        Files.createDirectories(folder.resolve("manifests"));
        Files.createDirectories(folder.resolve("shards"));
        Files.writeString(folder.resolve("manifests/tiny.json"), manifest.withoutHiddenShards().toJson(),
                StandardCharsets.UTF_8);
        Files.copy(store.resolve(trainShard), folder.resolve("shards").resolve(trainShard));
        return folder;
    }
}
