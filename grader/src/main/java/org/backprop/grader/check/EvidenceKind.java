package org.backprop.grader.check;

/** What a check reads to decide: the grader's own evidence, or what the team hands in. */
public enum EvidenceKind {
    /** The model graphs, behaviour probes and histories of the server's own run of the submitted code. */
    SERVER_RUN,
    /** The runs the team hands in from its experiment log, compared with the server's run. */
    CLAIMED_RUNS,
    /** The submitting member's report. */
    REPORT,
    /** The final model the server's run saved, evaluated on a hidden split. */
    SAVED_MODEL,
    /** The assignment's hidden test classes, run against the submitted classes. */
    HIDDEN_TESTS,
    /** A TA's judgement. */
    TA
}
