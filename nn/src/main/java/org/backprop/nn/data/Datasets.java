package org.backprop.nn.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backprop.nn.data.store.DatasetManifest;
import org.backprop.nn.data.store.DatasetReference;
import org.backprop.nn.data.store.SplitManifest;
import org.backprop.nn.internal.DatasetInternals;
import org.backprop.nn.internal.DatasetSource;

/**
 * Loads the course's datasets by name, as {@code tfds.load}: {@code Datasets.load("fashion_mnist", "train")}. The
 * same call works in the browser (the data comes from the server once, then from the browser's storage), in the
 * grader's sandbox (a read-only copy) and on the JVM. Only the splits students may see can be loaded; the hidden
 * one is the grader's.
 */
public final class Datasets {
    private static final ShardCache SHARDS = new ShardCache();
    private static final Map<String, DatasetManifest> MANIFESTS = new HashMap<>();
    /** The source the memos came from: another source (a test's) starts afresh. */
    private static DatasetSource manifestsFrom;

    private Datasets() {
    }

    /**
     * Returns split {@code split} (e.g. {@code "train"}) of the dataset {@code dataset} names:
     * {@code "fashion_mnist"} (the version the assignment uses) or {@code "fashion_mnist:1.0.0"}. Nothing is
     * downloaded or decoded until batches are read.
     */
    public static StoredDataset load(String dataset, String split) {
        DatasetManifest manifest = manifest(dataset);
        SplitManifest chosen = chosenSplit(manifest, split);
        StoredSplit stored = new StoredSplit(manifest, chosen, DatasetInternals.source(), SHARDS);
        return new StoredDataset(stored, Rows.identity(stored.size()));
    }

    /** Returns the names of the dataset's splits, hidden ones included (they cannot be loaded). */
    public static List<String> splits(String dataset) {
        return splits(manifest(dataset), false);
    }

    private static DatasetManifest manifest(String dataset) {
        DatasetReference.parse(dataset);
        DatasetSource source = DatasetInternals.source();
        if (source == null) {
            throw new IllegalStateException("This runtime provides no datasets: run the program from the course's"
                    + " editor or the grader to load " + dataset + ".");
        }
        if (source != manifestsFrom) {
            MANIFESTS.clear();
            SHARDS.clear();
            manifestsFrom = source;
        }
        DatasetManifest manifest = MANIFESTS.get(dataset);
        if (manifest == null) {
            manifest = source.manifest(dataset);
            MANIFESTS.put(dataset, manifest);
        }
        return manifest;
    }

    private static SplitManifest chosenSplit(DatasetManifest manifest, String split) {
        SplitManifest chosen;
        try {
            chosen = manifest.split(split);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(manifest.name() + " has no split \"" + split + "\"; its splits are "
                    + splits(manifest, false) + ".");
        }
        if (chosen.hidden()) {
            throw new IllegalArgumentException("The " + split + " split of " + manifest.name() + " is hidden: only"
                    + " the grader evaluates on it. Train on " + String.join(" or ", splits(manifest, true)) + " and keep a validation slice"
                    + " with take() and skip().");
        }
        return chosen;
    }

    // Loops, not streams: this runs under TeaVM too.
    private static List<String> splits(DatasetManifest manifest, boolean visibleOnly) {
        List<String> names = new ArrayList<>();
        for (SplitManifest split : manifest.splits()) {
            if (!visibleOnly || !split.hidden()) {
                names.add(split.name());
            }
        }
        return names;
    }
}
