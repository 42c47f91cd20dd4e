package org.backprop.grader.pipeline;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The staff log of one grading, by stage, cut off at a size so that a chatty program cannot bloat it; it ends with
 * how long each stage took, which the grading-turnaround benchmark reads; each stage's time also goes to a
 * {@link StageListener}.
 */
final class StageLog {
    private final StringBuilder text = new StringBuilder();
    private final int maxChars;
    private final StageListener listener;
    private final Map<String, Long> stageMillis = new LinkedHashMap<>();
    private String stage;
    private long stageStarted;
    private boolean truncated;

    StageLog(int maxChars, StageListener listener) {
        this.maxChars = maxChars;
        this.listener = listener;
    }

    void stage(String name) {
        endStage();
        stage = name;
        stageStarted = System.nanoTime();
        add("== " + name + " ==");
    }

    private void endStage() {
        if (stage != null) {
            long nanos = System.nanoTime() - stageStarted;
            stageMillis.merge(stage, nanos / 1_000_000, Long::sum);
            listener.stageEnded(stage, Duration.ofNanos(nanos));
        }
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

    /** Returns the log, ending with a line of stage timings: "stage times (ms): compile 2100, run 95000, ...". */
    @Override
    public String toString() {
        endStage();
        stage = null;
        StringBuilder timings = new StringBuilder("stage times (ms):");
        stageMillis.forEach((name, millis) -> timings.append(' ').append(name).append(' ').append(millis).append(','));
        timings.setLength(timings.length() - 1);
        return text + timings.toString() + "\n";
    }
}
