package org.backprop.nn.records;

import java.util.List;

/**
 * Exactly which stored data one part of a run read: its role ({@code "train"} or {@code "validation"}), the
 * dataset's name and version and the split's name as the course stores them, the number of examples the run used
 * from it, and the SHA-256 of each shard those examples come from, in the split's order. Shards are immutable and
 * named by their hash, so these say which bytes trained the model.
 */
public record DataProvenance(String role, String dataset, String version, String split, int examples,
        List<String> shardHashes) {

    public DataProvenance {
        Checks.notEmpty("role", role);
        Checks.notEmpty("dataset", dataset);
        Checks.notEmpty("version", version);
        Checks.notEmpty("split", split);
        Checks.notNegative("examples", examples);
        shardHashes = Checks.copy("shardHashes", shardHashes);
    }
}
