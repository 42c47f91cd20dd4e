package org.backprop.nn.data.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One split of a dataset ({@code "train"}, {@code "test"}, …): its example count, whether it is hidden (only the
 * grader evaluates on it; students never get its shards) and its shards in example order. The shards' counts add
 * up to {@code examples}, except in a view for students, where a hidden split lists no shards at all.
 */
public record SplitManifest(String name, int examples, boolean hidden, List<ShardRef> shards) {

    public SplitManifest {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("name of a split must not be empty");
        }
        if (examples < 1) {
            throw new IllegalArgumentException("split " + name + " must hold at least one example, got " + examples);
        }
        if (shards == null) {
            throw new IllegalArgumentException("shards of split " + name + " must not be null");
        }
        shards = Collections.unmodifiableList(new ArrayList<>(shards));
        long total = 0;
        for (ShardRef shard : shards) {
            if (shard == null) {
                throw new IllegalArgumentException("shards of split " + name + " must not hold null");
            }
            total += shard.examples();
        }
        if (!(hidden && shards.isEmpty()) && total != examples) {
            throw new IllegalArgumentException("the shards of split " + name + " hold " + total
                    + " examples, but the split says " + examples);
        }
    }

    /** Returns this hidden split without its shard list, as students see it. */
    public SplitManifest withoutShards() {
        if (!hidden) {
            throw new IllegalStateException("split " + name + " is not hidden: its shards are for everyone");
        }
        return new SplitManifest(name, examples, true, List.of());
    }
}
