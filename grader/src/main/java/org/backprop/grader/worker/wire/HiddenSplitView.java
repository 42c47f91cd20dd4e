package org.backprop.grader.worker.wire;

import java.util.List;
import org.backprop.grader.heldout.HiddenSplit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A dataset's hidden split as a worker reads it for held-out evaluation: workers only, never a student program.
 */
public record HiddenSplitView(
        @Schema(description = "The dataset, e.g. fashion_mnist") String dataset,
        @Schema(description = "The hidden split, e.g. test") String split,
        int height,
        int width,
        int channels,
        @Schema(description = "How many classes the labels index") int classes,
        @Schema(description = "The split's shards by SHA-256, in order") List<String> shards) {

    /** Returns the grader's form, reading shards where {@code files} says. */
    public HiddenSplit toHiddenSplit(HiddenSplit.ShardFiles files) {
        return new HiddenSplit(dataset, split, height, width, channels, classes, shards, files);
    }
}
