package org.backprop.grader.heldout;

import java.util.List;
import java.util.Optional;

/** The hidden splits an assignment's held-out items may evaluate on, by dataset name. Immutable. */
public record HiddenSplits(List<HiddenSplit> splits) {
    public static final HiddenSplits NONE = new HiddenSplits(List.of());

    public HiddenSplits {
        splits = List.copyOf(splits);
    }

    /** Returns the hidden split of {@code dataset}. */
    public Optional<HiddenSplit> of(String dataset) {
        return splits.stream().filter(split -> split.dataset().equals(dataset)).findFirst();
    }
}
