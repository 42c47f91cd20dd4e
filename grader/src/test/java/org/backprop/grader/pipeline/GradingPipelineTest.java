package org.backprop.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backprop.grader.GraderTestSupport;
import org.backprop.grader.check.CheckOutcome.Verdict;
import org.backprop.grader.compile.CompileResult;
import org.backprop.grader.compile.CompileService;
import org.backprop.grader.compile.SourceBundle;
import org.backprop.grader.evidence.Member;
import org.backprop.grader.heldout.HiddenSplits;
import org.backprop.grader.result.GradedItem;
import org.backprop.grader.result.GradingReport;
import org.backprop.grader.result.Visibility;
import org.backprop.grader.sandbox.NodeSandbox;
import org.backprop.grader.sandbox.RunDatasets;
import org.backprop.grader.sandbox.RunPlan;
import org.backprop.grader.sandbox.RunResult;
import org.backprop.grader.sandbox.RunLimits;
import org.backprop.grader.sandbox.SandboxConfig;
import org.backprop.grader.sandbox.TinyDataset;
import org.backprop.nn.records.RunRecordJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stages end to end: real javac and TeaVM, the real Node sandbox, the catalogue's checks on the server's own
 * run. The runs handed in come from a first sandbox run of the same program, as a student's browser produces them.
 */
class GradingPipelineTest {
    private static final Member MINJI = new Member(1, "Kim Minji");
    private static final RunLimits LIMITS = new RunLimits(Duration.ofSeconds(60), 64 * 1024, 512);
    private static final String HELLO = "public class Main { public static void main(String[] args) {"
            + " System.out.println(\"trained\"); } }";
    private static final String XOR = """
            import org.backprop.nn.Input;
            import org.backprop.nn.Tensor;
            import org.backprop.nn.callbacks.Callback;
            import org.backprop.nn.layers.Dense;
            import org.backprop.nn.models.FitOptions;
            import org.backprop.nn.models.Model;
            import org.backprop.nn.models.Sequential;
            import org.backprop.nn.random.RandomSeed;
            import java.util.Map;

            public class Main {
                public static void main(String[] args) {
                    RandomSeed.set(3);
                    Sequential model = new Sequential(Input.shape(2), new Dense(3, "relu"), new Dense(1, "sigmoid"));
                    model.compile("adam", "binary_crossentropy", "accuracy");
                    model.fit(Tensor.of(new float[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}}),
                            Tensor.of(new float[][] {{0}, {1}, {1}, {0}}), FitOptions.epochs(3).validationSplit(0.25)
                                    .verbose(0).runName("xor").tags("baseline").callbacks(new Callback() {
                                        @Override
                                        public void onEpochEnd(Model trained, int epoch, Map<String, Double> logs) {
                                            CRASH
                                        }
                                    }));
                    System.out.println("trained");
                }
            }
            """;
    private static final String TRAINS = XOR.replace("CRASH", "");
    private static final String CRASHES_IN_EPOCH_2 = XOR.replace("CRASH",
            "if (epoch == 2) { throw new IllegalStateException(\"out of ideas in epoch \" + epoch); }");
    private static final List<RubricItem> RUBRIC = List.of(
            new RubricItem("curves", "Loss and accuracy curves", 2, "curves", Map.of(), Visibility.VISIBLE),
            new RubricItem("reproduce", "The server reproduces your numbers", 3, "reproduce", Map.of(),
                    Visibility.VISIBLE),
            new RubricItem("insight", "Discussion", 5, "manual", null, null),
            new RubricItem("typo", "Misconfigured", 1, "curves", Map.of("minEpochs", "five"), Visibility.HIDDEN));

    @TempDir
    static Path work;
    static CompileService compiler;
    static NodeSandbox sandbox;
    static GradingPipeline pipeline;
    /** The record of the program's fit as the student's own run sent it. */
    static String claimed;

    @BeforeAll
    static void setUp() {
        compiler = new CompileService(work.resolve("compile"), 16, 1);
        sandbox = new NodeSandbox(GraderTestSupport.sandboxConfig(work.resolve("runs")));
        pipeline = new GradingPipeline(compiler, sandbox);
        CompileResult compiled = compiler.compile(new SourceBundle("Main", Map.of("Main.java", TRAINS)));
        assertTrue(compiled.succeeded(), compiled.diagnostics()::toString);
        RunResult run = sandbox.run(compiled.js(), LIMITS, RunDatasets.NONE, RunPlan.ALL);
        assertEquals(1, run.runRecords().size(), run::toString);
        claimed = run.runRecords().get(0);
    }

    @AfterAll
    static void stopCompiler() {
        compiler.close();
    }

    @Test
    void gradesOnTheServersOwnRunOfTheSubmittedCode() {
        GradingReport report = pipeline.grade(task(TRAINS, List.of(claimed)));
        assertEquals(new GradedItem("curves", Verdict.PASSED, 2.0, 2, "Every handed-in run (1) has loss, val_loss,"
                + " accuracy, val_accuracy for every epoch (at least 1).", Visibility.VISIBLE), report.items().get(0));
        assertEquals(Verdict.PASSED, report.items().get(1).verdict(), report.items().get(1)::message);
        assertTrue(report.items().get(1).message().startsWith("1 of 1 re-run handed-in run reproduced within 0.02 of"
                + " the claimed val_accuracy.\n- run \"xor\": reproduced"), report.items().get(1)::message);
        assertEquals(new GradedItem("insight", Verdict.NEEDS_REVIEW, null, 5, "A TA scores this item.",
                Visibility.VISIBLE), report.items().get(2));
        assertEquals(new GradedItem("typo", Verdict.NEEDS_REVIEW, null, 1, "A TA scores this item: its automatic check"
                + " is set up wrongly in the assignment (The parameter \"minEpochs\" of the check \"curves\" must be a"
                + " whole number of at least 1, got five.)", Visibility.HIDDEN), report.items().get(3));
        assertEquals("Your program compiled. Your program ran to the end. Automatic checks: 5 of 5 points; 2 items"
                + " wait for a TA.", report.summary());
        assertTrue(report.logs().contains("fit \"xor\": COMPLETED"), report::logs);
    }

    @Test
    void givesNothingForRunsHandedInWithAProgramThatNeverMakesThem() {
        GradingReport report = pipeline.grade(task(HELLO, List.of(claimed)));
        assertEquals(Verdict.FAILED, report.items().get(0).verdict());
        assertEquals(Verdict.FAILED, report.items().get(1).verdict());
        assertTrue(report.items().get(1).message().contains("- run \"xor\": not produced by the submitted code (the"
                + " submitted code never trains a run named \"xor\")."), report.items().get(1)::message);
    }

    @Test
    void failsEveryItemThatNeedsTheRunWhenTheProgramCrashesInEpochTwo() {
        GradingReport report = pipeline.grade(task(CRASHES_IN_EPOCH_2, List.of(claimed)));
        for (GradedItem item : report.items().subList(0, 2)) {
            assertEquals(Verdict.FAILED, item.verdict(), item::message);
            assertTrue(item.message().startsWith("Your program stopped with java.lang.IllegalStateException: out of"
                    + " ideas in epoch 2") && item.message().endsWith("This item is judged on the server's run of your"
                            + " code, so it earns nothing until that run completes."), item::message);
        }
        assertEquals(Verdict.NEEDS_REVIEW, report.items().get(2).verdict());
    }

    @Test
    void failsEveryItemThatNeedsTheRunWithTheStudentsWordsWhenTrainingDiverges() {
        String diverges = TRAINS.replace("model.compile(\"adam\", \"binary_crossentropy\", \"accuracy\");",
                "model.compile(new org.backprop.nn.optim.SGD(1e30), new org.backprop.nn.losses.MeanSquaredError());")
                .replace("new Dense(1, \"sigmoid\")", "new Dense(1)");
        assertTrue(diverges.contains("SGD(1e30)") && diverges.contains("new Dense(1))"), diverges);
        GradingReport report = pipeline.grade(task(diverges, List.of(claimed)));
        GradedItem curves = report.items().get(0);
        assertEquals(Verdict.FAILED, curves.verdict(), curves::message);
        assertTrue(curves.message().startsWith("Training \"xor\" stopped on the server: The loss became ")
                && curves.message().contains("Try a smaller learning rate"), curves::message);
    }

    @Test
    void failsEveryItemThatNeedsTheRunWhenTheProgramDoesNotCompile() {
        GradingReport report = pipeline.grade(task("public class Main { int x = }", List.of(claimed)));
        assertEquals(Verdict.FAILED, report.items().get(0).verdict());
        assertTrue(report.items().get(0).message().startsWith("Your program did not compile on the server: Main.java:1:"),
                report.items().get(0)::message);
        assertTrue(report.summary().startsWith("Your program did not compile on the server: Main.java:1: "),
                report::summary);
    }

    @Test
    void tellsItsListenerHowLongEachStageTookAndHowTheCompileEnded() {
        List<String> heard = new ArrayList<>();
        StageListener listener = new StageListener() {
            @Override
            public void stageEnded(String stage, Duration took) {
                heard.add(stage + (took.isNegative() ? " took negative time" : ""));
            }

            @Override
            public void compiled(String outcome, Duration took) {
                heard.add("compiled: " + outcome);
            }
        };
        new GradingPipeline(compiler, sandbox, listener).grade(task("public class Main { int x = }", List.of()));
        assertEquals(List.of("prepare", "compiled: failed", "compile", "match", "check", "report"), heard);
    }

    @Test
    void tellsTheStudentAboutAHandedInRunItCannotRead() {
        GradingReport report = pipeline.grade(task(TRAINS, List.of(claimed, "{\"format\": \"something else\"}")));
        assertTrue(report.summary().endsWith(" Handed-in run 2 could not be read (" + readError()
                + ") and was left out."), report::summary);
        assertEquals(Verdict.PASSED, report.items().get(0).verdict());
    }

    @Test
    void refusesUnsafeFileNamesWithAReadableMessage() {
        GradingReport report = pipeline.grade(new GradingTask("Main", Map.of("../etc/Main.java", HELLO), List.of(), "",
                List.of(), RUBRIC, LIMITS, RunDatasets.NONE, "", 2, HiddenSplits.NONE));
        assertTrue(report.summary().startsWith("Your sources could not be used: \"../etc/Main.java\" is not a valid"
                + " source file name"), report::summary);
        assertEquals(Verdict.FAILED, report.items().get(0).verdict());
    }

    @Test
    void runsTheProgramWithTheAssignmentsDatasets(@TempDir Path temp) throws Exception {
        TinyDataset tiny = TinyDataset.write(temp.resolve("store"));
        String loads = "public class Main { public static void main(String[] args) {"
                + " System.out.println(\"examples \""
                + " + org.backprop.nn.data.Datasets.load(\"tiny\", \"train\").size()); } }";
        GradingReport report = pipeline.grade(new GradingTask("Main", Map.of("Main.java", loads), List.of(), "# Report",
                List.of(MINJI), RUBRIC, LIMITS, tiny.datasets(), "", 2, HiddenSplits.NONE));
        assertTrue(report.logs().contains("stdout:\nexamples 2\n"), report::logs);
        assertTrue(report.summary().startsWith("Your program compiled. Your program ran to the end."), report::summary);
    }

    @Test
    void leavesItemsToATaWhenTheServerCannotRunPrograms() {
        GradingPipeline broken = new GradingPipeline(compiler,
                new NodeSandbox(new SandboxConfig("/nonexistent/node", work, Optional.empty(), work.resolve("runs"))));
        GradingReport report = broken.grade(task(TRAINS, List.of(claimed)));
        assertEquals("The server could not run your program because of an error on its side. Automatic checks: 0 of 0"
                + " points; 4 items wait for a TA.", report.summary());
        assertEquals(Verdict.NEEDS_REVIEW, report.items().get(0).verdict());
        assertTrue(report.logs().contains("The sandbox failed: org.backprop.grader.sandbox.SandboxUnavailableException:"
                + " The sandbox cannot run programs: Node (/nonexistent/node) is not installed"), report::logs);
    }

    private static String readError() {
        try {
            RunRecordJson.read("{\"format\": \"something else\"}");
            return "no error";
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    private static GradingTask task(String main, List<String> runRecords) {
        return new GradingTask("Main", Map.of("Main.java", main),
                runRecords.stream().map(record -> new ClaimedRun(record, MINJI, null)).toList(), "# Report",
                List.of(MINJI), RUBRIC, LIMITS, RunDatasets.NONE, "0f", 2, HiddenSplits.NONE);
    }
}
