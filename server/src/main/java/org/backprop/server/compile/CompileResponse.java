package org.backprop.server.compile;

import java.util.List;
import org.backprop.grader.compile.Diagnostic;

/**
 * A successful compile: an ES module exporting {@code main}, any warnings, and the SHA-256 of the sources it was
 * compiled from ({@code SourceBundle.sha256()}), which the page sends with each run it saves to the team's
 * experiment log, so that a run record names the snapshot that produced it.
 */
public record CompileResponse(String js, List<Diagnostic> diagnostics, String sourceSha256) {
}
