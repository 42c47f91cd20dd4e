package org.backprop.grader.pipeline;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The staff log of one grading, by stage, cut off at a size so that a chatty program cannot bloat it. */
final class StageLog {
    private final StringBuilder text = new StringBuilder();
    private final int maxChars;
    private boolean truncated;

    StageLog(int maxChars) {
        this.maxChars = maxChars;
    }

    void stage(String name) {
        add("== " + name + " ==");
    }

    void add(String line) {
        if (truncated) {
            return;
        }
        if (text.length() + line.length() + 1 > maxChars) {
            text.append(line, 0, Math.max(0, maxChars - text.length())).append("\n[log cut off at ")
                    .append(maxChars).append(" characters]\n");
            truncated = true;
            return;
        }
        text.append(line).append('\n');
    }

    void error(String what, Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        add(what + ": " + trace);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
