package org.backprop.server.submission;

/** What a file of a submission is; each kind has its own place in the snapshot and its own size limit. */
public enum FileKind {
    /** A Java source file, under {@code src/}. */
    SOURCE,
    /** The submitting member's report, {@code report.md}. */
    REPORT,
    /** The trained model's weights, {@code weights.bin}. */
    WEIGHTS
}
