package org.backprop.grader.compile;

/**
 * One compiler message as the editor shows it: the file it belongs to (relative, e.g. {@code Main.java}),
 * 1-based line and column (either may be {@code null} when the compiler gives none), severity and text.
 */
public record Diagnostic(String file, Integer line, Integer column, Severity severity, String message) {

    /** How serious a diagnostic is; only errors make a compile fail. */
    public enum Severity { ERROR, WARNING, NOTE }

    /** Returns an error that belongs to no particular place in the sources. */
    public static Diagnostic error(String file, String message) {
        return new Diagnostic(file, null, null, Severity.ERROR, message);
    }
}
