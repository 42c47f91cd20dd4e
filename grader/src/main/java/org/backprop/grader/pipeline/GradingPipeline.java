package org.backprop.grader.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.backprop.grader.check.CheckCatalogue;
import org.backprop.grader.check.CheckInput;
import org.backprop.grader.check.CheckOutcome;
import org.backprop.grader.check.CheckParams;
import org.backprop.grader.check.CheckSpec;
import org.backprop.grader.check.EvidenceKind;
import org.backprop.grader.check.InvalidCheckParamsException;
import org.backprop.grader.compile.CompileResult;
import org.backprop.grader.compile.CompileService;
import org.backprop.grader.compile.Diagnostic;
import org.backprop.grader.compile.InvalidSourcesException;
import org.backprop.grader.compile.SourceBundle;
import org.backprop.grader.evidence.Claim;
import org.backprop.grader.evidence.ClaimMatch;
import org.backprop.grader.evidence.ClaimMatcher;
import org.backprop.grader.evidence.HiddenTestResults;
import org.backprop.grader.evidence.RerunSelection;
import org.backprop.grader.evidence.ServerRun;
import org.backprop.grader.heldout.HeldoutEvaluator;
import org.backprop.grader.heldout.SavedModelEvaluation;
import org.backprop.grader.result.GradedItem;
import org.backprop.grader.result.GradingReport;
import org.backprop.grader.sandbox.NodeSandbox;
import org.backprop.grader.sandbox.RunPlan;
import org.backprop.grader.sandbox.RunResult;
import org.backprop.nn.records.RunRecord;
import org.backprop.nn.records.RunRecordJson;
import org.backprop.nn.records.RunStatus;

/**
 * Grades one submission through explicit stages: prepare (read the handed-in runs) → compile (the submitted
 * sources, never uploaded JavaScript) → select (which handed-in runs to train again, within the re-run budget) →
 * run (the student's main in the sandbox; every fit reports its record on a channel the program cannot write) →
 * match (each handed-in run against the server's fits) → check (held-out items score the models the run saved)
 * → (each rubric item from the catalogue, on that
 * evidence) → report. Every failure becomes something the student can read, even when a stage throws:
 * {@link #grade} always returns a report with one item per rubric item.
 *
 * <p>Thread-safe when its compile service and sandbox are (the grader's are).
 */
public final class GradingPipeline {
    /** How many characters of staff log one grading keeps. */
    public static final int MAX_LOG_CHARS = 64 * 1024;
    private static final int MAX_PRINTED_CHARS = 8 * 1024;
    private static final int MAX_ERROR_LINE = 400;

    /** How long evaluating one saved model on a hidden split may take. */
    private static final Duration HELDOUT_TIME = Duration.ofMinutes(5);

    private final CompileService compiler;
    private final NodeSandbox sandbox;
    private final StageListener listener;
    private final HeldoutEvaluator heldoutEvaluator = new HeldoutEvaluator(HELDOUT_TIME);

    public GradingPipeline(CompileService compiler, NodeSandbox sandbox) {
        this(compiler, sandbox, StageListener.NONE);
    }

    /** A pipeline that tells {@code listener} how long each stage took. */
    public GradingPipeline(CompileService compiler, NodeSandbox sandbox, StageListener listener) {
        this.compiler = compiler;
        this.sandbox = sandbox;
        this.listener = listener;
    }

    /** What the program stages found: the server's run, and whether a fault on the server's side spoiled it. */
    private record Evidence(ServerRun run, String serverFault, String summary) {
    }

    /** Returns the graded items of {@code task}, a summary for the student and the staff log. */
    public GradingReport grade(GradingTask task) {
        StageLog log = new StageLog(MAX_LOG_CHARS, listener);
        try {
            log.stage("prepare");
            List<String> notes = new ArrayList<>();
            List<Claim> claims = readClaims(task.claims(), notes, log);
            Evidence evidence = compileAndRun(task, claims, log);
            log.stage("match");
            List<ClaimMatch> matches = ClaimMatcher.match(claims, evidence.run());
            matches.forEach(match -> log.add(match.claim().label() + ": " + match.standing()
                    + (match.reason() == null ? "" : " (" + match.reason() + ")")));
            HiddenTestResults hiddenTests = new HiddenTestStage(compiler, sandbox).run(task, log);
            log.stage("check");
            CheckInput input = new CheckInput(evidence.run(), matches, task.report(), task.teamMembers(),
                    new SavedModelEvaluation(evidence.run(), task.hiddenSplits(), heldoutEvaluator), hiddenTests);
            List<GradedItem> items = new ArrayList<>();
            for (RubricItem item : task.rubric()) {
                items.add(GradedItem.of(item.key(), item.points(), item.visibility(),
                        check(item, input, evidence, log)));
            }
            log.stage("report");
            return new GradingReport(summary(evidence, notes, items), items, log.toString());
        } catch (RuntimeException | Error e) {
            log.error("Grading stopped", e);
            return everythingToTa(task, "Grading could not finish because of an error on the server's side; a TA will"
                    + " score this item.", log);
        }
    }

    private static List<Claim> readClaims(List<ClaimedRun> claimed, List<String> notes, StageLog log) {
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < claimed.size(); i++) {
            ClaimedRun run = claimed.get(i);
            try {
                claims.add(new Claim(RunRecordJson.read(run.recordJson()), run.member(), run.sourceSha256()));
            } catch (RuntimeException e) {
                notes.add("Handed-in run " + (i + 1) + " could not be read (" + e.getMessage() + ") and was left out.");
                log.add("handed-in run " + (i + 1) + ": " + e);
            }
        }
        log.add(claims.size() + " of " + claimed.size() + " handed-in runs read");
        return claims;
    }

    private Evidence compileAndRun(GradingTask task, List<Claim> claims, StageLog log) {
        SourceBundle sources;
        try {
            sources = new SourceBundle(task.mainClass(), task.files());
        } catch (InvalidSourcesException e) {
            log.add("sources refused: " + e.getMessage());
            return failed("Your sources could not be used: " + e.getMessage());
        }
        log.stage("compile");
        CompileResult compiled;
        long compileStarted = System.nanoTime();
        try {
            compiled = compiler.compile(sources);
        } catch (RuntimeException e) {
            listener.compiled(StageListener.ERROR, Duration.ofNanos(System.nanoTime() - compileStarted));
            log.error("The compiler failed", e);
            return serverFault("The server could not compile your program because of an error on its side.");
        }
        listener.compiled(compiled.succeeded() ? StageListener.SUCCEEDED : StageListener.FAILED,
                Duration.ofNanos(System.nanoTime() - compileStarted));
        compiled.diagnostics().forEach(diagnostic -> log.add(describe(diagnostic)));
        if (!compiled.succeeded()) {
            Diagnostic first = compiled.diagnostics().stream()
                    .filter(diagnostic -> diagnostic.severity() == Diagnostic.Severity.ERROR).findFirst().orElse(null);
            return failed("Your program did not compile on the server" + (first == null ? "." : ": "
                    + describe(first)));
        }
        log.stage("select");
        Set<String> chosen = RerunSelection.choose(claims, task.rerunVariants(),
                RerunSelection.seedOf(task.submissionHash()));
        log.add("re-run budget: the baselines and " + task.rerunVariants() + " variants; training " + chosen);
        log.stage("run");
        RunResult result;
        try {
            result = sandbox.run(compiled.js(), task.limits(), task.datasets(), plan(chosen, claims));
        } catch (RuntimeException e) {
            log.error("The sandbox failed", e);
            return serverFault("The server could not run your program because of an error on its side.");
        }
        log.add(result.status() + " in " + result.wallMillis() + " ms, exit code " + result.exitCode());
        result.notices().forEach(notice -> log.add("notice: " + notice));
        log.add("stdout:\n" + tail(result.stdout()));
        log.add("stderr:\n" + tail(result.stderr()));
        List<RunRecord> records = new ArrayList<>();
        for (String json : result.runRecords()) {
            RunRecord record = RunRecordJson.read(json);
            records.add(record);
            log.add("fit \"" + record.name() + "\": " + record.status().state() + ", " + record.finalMetrics());
        }
        Map<String, byte[]> saved = new LinkedHashMap<>();
        for (RunResult.SavedModel model : result.savedModels()) {
            saved.put(model.name(), model.bytes());
            log.add("saved model \"" + model.name() + "\": " + model.bytes().length + " bytes");
        }
        String failure = result.status() == RunResult.Status.COMPLETED ? null : failure(result, records);
        return new Evidence(new ServerRun(records, saved, failure), null, "Your program compiled. "
                + result.message());
    }

    /**
     * Returns why the run failed: a fit that diverged or lost its device says so itself; otherwise the program's last
     * error line (the runtime words an exception there).
     */
    private static String failure(RunResult result, List<RunRecord> records) {
        for (int i = records.size() - 1; i >= 0; i--) {
            RunStatus status = records.get(i).status();
            if (status.state() == RunStatus.State.DIVERGED || status.state() == RunStatus.State.DEVICE_LOST) {
                return "Training \"" + records.get(i).name() + "\" stopped on the server: " + status.message();
            }
        }
        String last = result.stderr().lines().map(String::strip).filter(line -> !line.isEmpty())
                .reduce((first, second) -> second).orElse("");
        if (result.status() != RunResult.Status.FAILED || last.isEmpty()) {
            return result.message();
        }
        String line = last.length() > MAX_ERROR_LINE ? last.substring(0, MAX_ERROR_LINE) + "..." : last;
        return line.startsWith("Your program stopped") ? line + (line.endsWith(".") ? "" : ".")
                : result.message() + " Its last error line: " + line;
    }

    /**
     * Returns the plan that trains {@code chosen}; a handed-in run it leaves out returns the team's own history to the
     * program, which may read it (print it, pick the best run) and must go on as it did for the team.
     */
    private static RunPlan plan(Set<String> chosen, List<Claim> claims) {
        Map<String, Map<String, List<Double>>> standIns = new LinkedHashMap<>();
        for (Claim claim : claims) {
            standIns.putIfAbsent(claim.record().name(), claim.record().history());
        }
        return RunPlan.only(chosen).withStandIns(standIns);
    }

    private static Evidence failed(String reason) {
        return new Evidence(ServerRun.failed(reason), null, reason);
    }

    private static Evidence serverFault(String reason) {
        return new Evidence(ServerRun.failed(reason), reason, reason);
    }

    /**
     * Returns an item's outcome. An item whose check reads the server's run fails with the run's failure when the
     * program did not compile or did not run to its end: no points for a run that did not happen. A fault on the
     * server's side is no reason to fail anyone: a TA decides those items.
     */
    private static CheckOutcome check(RubricItem item, CheckInput input, Evidence evidence, StageLog log) {
        Optional<CheckSpec> spec = CheckCatalogue.spec(item.check());
        if (spec.isEmpty()) {
            return CheckOutcome.needsReview("A TA scores this item: the assignment names a check \"" + item.check()
                    + "\" that the grader does not know.");
        }
        if (spec.get().automatic().isEmpty()) {
            return CheckOutcome.needsReview(item.check().equals("manual") ? "A TA scores this item."
                    : "A TA scores this item: the automatic \"" + item.check() + "\" check is not available yet.");
        }
        if (spec.get().evidence().contains(EvidenceKind.SERVER_RUN) && input.run().failureReason().isPresent()) {
            if (evidence.serverFault() != null) {
                return CheckOutcome.needsReview("A TA scores this item: " + evidence.serverFault());
            }
            return CheckOutcome.failed(input.run().failureReason().get() + " This item is judged on the server's run"
                    + " of your code, so it earns nothing until that run completes.");
        }
        try {
            return spec.get().automatic().get().evaluate(input, CheckParams.of(spec.get(), item.params()));
        } catch (InvalidCheckParamsException e) {
            log.add("item " + item.key() + ": " + e.getMessage());
            return CheckOutcome.needsReview("A TA scores this item: its automatic check is set up wrongly in the"
                    + " assignment (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            log.error("item " + item.key() + ": the check failed", e);
            return CheckOutcome.needsReview("A TA scores this item: its automatic check failed on the server's side.");
        }
    }

    private static String summary(Evidence evidence, List<String> notes, List<GradedItem> items) {
        StringBuilder summary = new StringBuilder(evidence.summary());
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
