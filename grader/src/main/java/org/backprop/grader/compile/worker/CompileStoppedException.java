package org.backprop.grader.compile.worker;

import org.backprop.grader.compile.Diagnostic;

/**
 * A compile was stopped before it could answer: it ran past a limit, or its worker died. The diagnostic tells the
 * student why. Such an outcome depends on the moment (a busy machine, a killed process) as much as on the sources, so
 * it is not cached.
 */
public final class CompileStoppedException extends Exception {
    private final transient Diagnostic diagnostic;

    CompileStoppedException(String studentMessage) {
        super(studentMessage);
        this.diagnostic = Diagnostic.error(null, studentMessage);
    }

    /** Returns the error to show the student, which belongs to no particular file. */
    public Diagnostic diagnostic() {
        return diagnostic;
    }
}
