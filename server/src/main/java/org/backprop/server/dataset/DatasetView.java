package org.backprop.server.dataset;

import java.time.Instant;
import java.util.List;
import org.backprop.nn.data.store.DatasetManifest;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A dataset of a course as members see it in lists: what it holds, without shard hashes. */
public record DatasetView(
        String name,
        String version,
        @Schema(description = "[height, width, channels] of every image") List<Integer> imageShape,
        @Schema(description = "Label i is classNames[i]") List<String> classNames,
        List<SplitView> splits,
        Instant createdAt) {

    /** One split: its example count and whether only the grader evaluates on it. */
    public record SplitView(String name, int examples, boolean hidden) {
    }

    static DatasetView of(DatasetManifest manifest, Instant createdAt) {
        return new DatasetView(manifest.name(), manifest.version(),
                List.of(manifest.height(), manifest.width(), manifest.channels()), manifest.classNames(),
                manifest.splits().stream().map(split -> new SplitView(split.name(), split.examples(), split.hidden()))
                        .toList(), createdAt);
    }
}
