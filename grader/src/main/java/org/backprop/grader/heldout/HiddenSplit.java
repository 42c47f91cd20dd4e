package org.backprop.grader.heldout;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A dataset's hidden split as the grader reads it: the dataset and split names, the image shape, the number of
 * classes, and the split's shards by SHA-256 with where each lies. Never part of a student's run.
 */
public record HiddenSplit(String dataset, String split, int height, int width, int channels, int classes,
        List<String> shards, ShardFiles files) {

    /** Where the grader reads a shard's bytes. */
    @FunctionalInterface
    public interface ShardFiles {
        Path path(String sha256) throws IOException;
    }

    public HiddenSplit {
        shards = List.copyOf(shards);
        if (files == null) {
            throw new IllegalArgumentException("a hidden split needs its shard files");
        }
    }
}
