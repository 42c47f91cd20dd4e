package org.backprop.grader.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backprop.grader.check.Check;
import org.backprop.grader.check.CheckCatalogue;
import org.backprop.grader.check.CheckInput;
import org.backprop.grader.check.CheckOutcome;
import org.backprop.grader.check.CheckParams;
import org.backprop.grader.check.InvalidCheckParamsException;
import org.backprop.grader.compile.CompileResult;
import org.backprop.grader.compile.CompileService;
import org.backprop.grader.compile.Diagnostic;
import org.backprop.grader.compile.InvalidSourcesException;
import org.backprop.grader.compile.SourceBundle;
import org.backprop.grader.result.GradedItem;
import org.backprop.grader.result.GradingReport;
import org.backprop.grader.sandbox.NodeSandbox;
import org.backprop.grader.sandbox.RunResult;
import org.backprop.nn.records.RunRecord;
import org.backprop.nn.records.RunRecordJson;

/**
 * Grades one submission through explicit stages: prepare (check the sources, read the run records) → compile
 * (never trusting uploaded JavaScript) → run (the student's main in the sandbox, with limits) → check (each
 * rubric item's check from the catalogue) → report. Every failure becomes something the student can read,
 * even when a stage throws: {@link #grade} always returns a report with one item per rubric item.
 *
 * <p>Thread-safe when its compile service and sandbox are (the grader's are).
 */
public final class GradingPipeline {
    /** How many characters of staff log one grading keeps. */
    public static final int MAX_LOG_CHARS = 64 * 1024;
    private static final int MAX_PRINTED_CHARS = 8 * 1024;

    private final CompileService compiler;
    private final NodeSandbox sandbox;

    public GradingPipeline(CompileService compiler, NodeSandbox sandbox) {
        this.compiler = compiler;
        this.sandbox = sandbox;
    }

    /** What the program stages found: JavaScript when it compiled, and what to tell the student. */
    private record Program(String js, String problem, String runMessage) {
    }

    /** Returns the graded items of {@code task}, a summary for the student and the staff log. */
    public GradingReport grade(GradingTask task) {
        StageLog log = new StageLog(MAX_LOG_CHARS);
        try {
            log.stage("prepare");
            List<String> notes = new ArrayList<>();
            List<RunRecord> runs = readRuns(task.claims(), notes, log);
            Program program = compileAndRun(task, log);
            log.stage("check");
            CheckInput input = new CheckInput(runs, task.report(), task.teamMembers());
            List<GradedItem> items = new ArrayList<>();
            for (RubricItem item : task.rubric()) {
                items.add(GradedItem.of(item.key(), item.points(), item.visibility(), check(item, input, program, log)));
            }
            log.stage("report");
            return new GradingReport(summary(program, notes, items), items, log.toString());
        } catch (RuntimeException | Error e) {
            log.error("Grading stopped", e);
            return everythingToTa(task, "Grading could not finish because of an error on the server's side; a TA will"
                    + " score this item.", log);
        }
    }

    private static List<RunRecord> readRuns(List<ClaimedRun> documents, List<String> notes, StageLog log) {
        List<RunRecord> runs = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            try {
                runs.add(RunRecordJson.read(documents.get(i).recordJson()));
            } catch (RuntimeException e) {
                notes.add("Run record " + (i + 1) + " could not be read (" + e.getMessage() + ") and was left out.");
                log.add("run record " + (i + 1) + ": " + e);
            }
        }
        log.add(runs.size() + " of " + documents.size() + " run records read");
        return runs;
    }

    private Program compileAndRun(GradingTask task, StageLog log) {
        SourceBundle sources;
        try {
            sources = new SourceBundle(task.mainClass(), task.files());
        } catch (InvalidSourcesException e) {
            log.add("sources refused: " + e.getMessage());
            return new Program(null, "Your sources could not be used: " + e.getMessage(), null);
        }
        log.stage("compile");
        CompileResult compiled;
        try {
            compiled = compiler.compile(sources);
        } catch (RuntimeException e) {
            log.error("The compiler failed", e);
            return new Program(null, "The server could not compile your program because of an error on its side.",
                    null);
        }
        compiled.diagnostics().forEach(diagnostic -> log.add(describe(diagnostic)));
        if (!compiled.succeeded()) {
            Diagnostic first = compiled.diagnostics().stream()
                    .filter(diagnostic -> diagnostic.severity() == Diagnostic.Severity.ERROR).findFirst().orElse(null);
            return new Program(null, "Your program did not compile on the server" + (first == null ? "."
                    : ": " + describe(first)), null);
        }
        log.stage("run");
        try {
            RunResult run = sandbox.run(compiled.js(), task.limits(), task.datasets());
            log.add(run.status() + " in " + run.wallMillis() + " ms, exit code " + run.exitCode());
            run.notices().forEach(notice -> log.add("notice: " + notice));
            log.add("stdout:\n" + tail(run.stdout()));
            log.add("stderr:\n" + tail(run.stderr()));
            return new Program(compiled.js(), null, run.message());
        } catch (RuntimeException e) {
            log.error("The sandbox failed", e);
            return new Program(compiled.js(), null, "The server could not run your program because of an error on its"
                    + " side.");
        }
    }

    /**
     * Returns an item's outcome. Checks read the submitted run records, so when the program does not even
     * compile their evidence is not trusted and a TA decides.
     */
    private static CheckOutcome check(RubricItem item, CheckInput input, Program program, StageLog log) {
        Optional<Check> check = CheckCatalogue.automatic(item.check());
        if (check.isEmpty()) {
            return CheckOutcome.needsReview(CheckCatalogue.known(item.check())
                    ? (item.check().equals("manual") ? "A TA scores this item."
                            : "A TA scores this item: the automatic \"" + item.check() + "\" check is not available"
                                    + " yet.")
                    : "A TA scores this item: the assignment names a check \"" + item.check()
                            + "\" that the grader does not know.");
        }
        CheckOutcome outcome;
        try {
            outcome = check.get().evaluate(input, CheckParams.of(item.check(), item.params()));
        } catch (InvalidCheckParamsException e) {
            log.add("item " + item.key() + ": " + e.getMessage());
            return CheckOutcome.needsReview("A TA scores this item: its automatic check is set up wrongly in the"
                    + " assignment (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            log.error("item " + item.key() + ": the check failed", e);
            return CheckOutcome.needsReview("A TA scores this item: its automatic check failed on the server's side.");
        }
        if (program.js() == null) {
            return CheckOutcome.needsReview(outcome.message() + " As your program could not be compiled on the server, a"
                    + " TA checks this item.");
        }
        return outcome;
    }

    private static String summary(Program program, List<String> notes, List<GradedItem> items) {
        StringBuilder summary = new StringBuilder(program.js() == null ? program.problem() : "Your program compiled. "
                + program.runMessage());
        double earned = 0;
        double automatic = 0;
        int review = 0;
        for (GradedItem item : items) {
            if (item.points() == null) {
                review++;
            } else {
                earned += item.points();
                automatic += item.maxPoints();
            }
        }
        summary.append(" Automatic checks: ").append(format(earned)).append(" of ").append(format(automatic))
                .append(" points");
        summary.append(review == 0 ? "." : "; " + review + " item" + (review == 1 ? " waits" : "s wait")
                + " for a TA.");
        notes.forEach(note -> summary.append(' ').append(note));
        return summary.toString();
    }

    private static GradingReport everythingToTa(GradingTask task, String message, StageLog log) {
        List<GradedItem> items = new ArrayList<>();
        for (RubricItem item : task.rubric()) {
            items.add(GradedItem.of(item.key(), item.points(), item.visibility(), CheckOutcome.needsReview(message)));
        }
        return new GradingReport(message.replace("this item", "every item"), items, log.toString());
    }

    private static String describe(Diagnostic diagnostic) {
        return (diagnostic.file() == null ? "" : diagnostic.file() + (diagnostic.line() == null ? "" : ":"
                + diagnostic.line()) + ": ") + diagnostic.message();
    }

    private static String tail(String printed) {
        return printed.length() <= MAX_PRINTED_CHARS ? printed
                : "[...]" + printed.substring(printed.length() - MAX_PRINTED_CHARS);
    }

    private static String format(double points) {
        return points == Math.rint(points) ? Long.toString((long) points) : Double.toString(points);
    }
}
