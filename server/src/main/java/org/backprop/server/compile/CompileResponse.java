package org.backprop.server.compile;

import java.util.List;
import org.backprop.grader.compile.Diagnostic;

/** A successful compile: an ES module exporting {@code main}, and any warnings. */
public record CompileResponse(String js, List<Diagnostic> diagnostics) {
}
