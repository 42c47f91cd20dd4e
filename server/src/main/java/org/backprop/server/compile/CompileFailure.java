package org.backprop.server.compile;

import java.util.List;
import org.backprop.grader.compile.Diagnostic;

/** A compile that produced no program: a problem detail with the diagnostics that explain why. */
public record CompileFailure(String type, String title, int status, String detail, List<Diagnostic> diagnostics) {

    static CompileFailure of(List<Diagnostic> diagnostics) {
        long errors = diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
        return new CompileFailure("about:blank", "Compile errors", 422,
                errors == 1 ? "The program has 1 compile error." : "The program has " + errors + " compile errors.",
                diagnostics);
    }
}
