package org.backprop.grader.sandbox;

/** Whether the sandbox can run programs, with how they are contained or, when not ready, what the operator must fix. */
public record SandboxReadiness(boolean ready, String detail) {
}
