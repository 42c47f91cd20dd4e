package org.backprop.grader.sandbox;

/**
 * The sandbox cannot run programs on this machine (no working jail, no Node, no Dawn): the operator's problem,
 * never the student's. Grading waits until it is fixed rather than failing submissions.
 */
public final class SandboxUnavailableException extends IllegalStateException {
    public SandboxUnavailableException(String message) {
        super(message);
    }
}
