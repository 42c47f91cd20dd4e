package org.backprop.grader.compile;

import java.util.List;

/** The outcome of a compile: JavaScript when it succeeded, and every diagnostic either way. */
public record CompileResult(String js, List<Diagnostic> diagnostics) {

    public CompileResult {
        diagnostics = List.copyOf(diagnostics);
    }

    static CompileResult success(String js, List<Diagnostic> diagnostics) {
        return new CompileResult(js, diagnostics);
    }

    static CompileResult failure(List<Diagnostic> diagnostics) {
        return new CompileResult(null, diagnostics);
    }

    /** Returns whether JavaScript was produced. */
    public boolean succeeded() {
        return js != null;
    }
}
