package org.backprop.grader.worker.wire;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.data.store.DatasetManifest;
import org.backprop.nn.data.store.SplitManifest;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A dataset the graded program may load: one of the course's imports that an entry of the assignment's
 * {@code datasets:} resolves to, with its manifest in the students' view (a hidden split keeps its name and size but
 * lists no shards). Workers get the shards from a {@code ShardSource}: the server's dataset store in process, the
 * worker API's shard endpoint on a remote worker.
 */
public record JobDataset(
        @Schema(description = "What the program loads it by, e.g. fashion_mnist") String name,
        @Schema(description = "The course's version the assignment uses, e.g. 1.0.0") String version,
        @Schema(description = "The manifest as JSON text, students' view: no hidden split's shards") String manifest) {

    /**
     * Returns the students' view of {@code manifest}: every split hidden at import, and {@code hiddenSplit} (the
     * split the assignment keeps for the grader, or null) even if the import did not mark it, lists no shards.
     */
    public static JobDataset of(DatasetManifest manifest, String hiddenSplit) {
        List<SplitManifest> splits = new ArrayList<>();
        for (SplitManifest split : manifest.splits()) {
            splits.add(split.name().equals(hiddenSplit)
                    ? new SplitManifest(split.name(), split.examples(), true, split.shards()) : split);
        }
        DatasetManifest visible = new DatasetManifest(manifest.name(), manifest.version(), manifest.height(),
                manifest.width(), manifest.channels(), manifest.classNames(), splits).withoutHiddenShards();
        return new JobDataset(visible.name(), visible.version(), visible.toJson());
    }

    /** Returns the manifest, students' view. */
    public DatasetManifest toManifest() {
        return DatasetManifest.fromJson(manifest);
    }
}
