package org.backprop.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backprop.grader.GraderTestSupport;
import org.backprop.grader.check.CheckOutcome.Verdict;
import org.backprop.grader.compile.CompileService;
import org.backprop.grader.result.GradedItem;
import org.backprop.grader.result.GradingReport;
import org.backprop.grader.result.Visibility;
import org.backprop.grader.sandbox.NodeSandbox;
import org.backprop.grader.sandbox.RunDatasets;
import org.backprop.grader.sandbox.RunLimits;
import org.backprop.grader.sandbox.SandboxConfig;
import org.backprop.grader.sandbox.TinyDataset;
import org.backprop.nn.Input;
import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.records.RunRecordJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stages end to end: real javac and TeaVM, the real Node sandbox, the catalogue's checks. */
class GradingPipelineTest {
    private static final RunLimits LIMITS = new RunLimits(Duration.ofSeconds(30), 64 * 1024, 256);
    private static final String HELLO = "public class Main { public static void main(String[] args) {"
            + " System.out.println(\"trained\"); } }";
    private static final List<RubricItem> RUBRIC = List.of(
            new RubricItem("curves", "Loss and accuracy curves", 2, "curves", Map.of(), Visibility.VISIBLE),
            new RubricItem("reproduce", "The server reproduces your numbers", 3, "reproduce", Map.of(),
                    Visibility.AFTER_DUE),
            new RubricItem("insight", "Discussion", 5, "manual", null, null),
            new RubricItem("typo", "Misconfigured", 1, "curves", Map.of("metrc", "auc"), Visibility.HIDDEN));

    @TempDir
    static Path work;
    static CompileService compiler;
    static GradingPipeline pipeline;
    static String runRecord;

    @BeforeAll
    static void setUp() {
        compiler = new CompileService(work.resolve("compile"), 16, 1);
        pipeline = new GradingPipeline(compiler,
                new NodeSandbox(GraderTestSupport.sandboxConfig(work.resolve("runs"))));
        RandomSeed.set(3);
        Sequential model = new Sequential(Input.shape(2), new Dense(3, "relu"), new Dense(1, "sigmoid"));
        model.compile("adam", "binary_crossentropy", "accuracy");
        runRecord = RunRecordJson.write(model.fit(Tensor.of(new float[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}}),
                Tensor.of(new float[][] {{0}, {1}, {1}, {0}}), FitOptions.epochs(2).validationSplit(0.25).verbose(0)
                        .runName("xor")).runRecord());
    }

    @AfterAll
    static void stopCompiler() {
        compiler.close();
    }

    @Test
    void gradesAProgramThatCompilesAndRuns() {
        GradingReport report = pipeline.grade(task(HELLO, List.of(runRecord)));
        assertEquals(List.of(
                new GradedItem("curves", Verdict.PASSED, 2.0, 2, "Every run (1) has loss, val_loss, accuracy,"
                        + " val_accuracy for every epoch.", Visibility.VISIBLE),
                new GradedItem("reproduce", Verdict.NEEDS_REVIEW, null, 3, "A TA scores this item: the automatic"
                        + " \"reproduce\" check is not available yet.", Visibility.AFTER_DUE),
                new GradedItem("insight", Verdict.NEEDS_REVIEW, null, 5, "A TA scores this item.", Visibility.VISIBLE),
                new GradedItem("typo", Verdict.NEEDS_REVIEW, null, 1, "A TA scores this item: its automatic check is"
                        + " set up wrongly in the assignment (The check \"curves\" has no parameter metrc; it takes"
                        + " metric.)", Visibility.HIDDEN)), report.items());
        assertEquals("Your program compiled. Your program ran to the end. Automatic checks: 2 of 2 points; 3 items"
                + " wait for a TA.", report.summary());
        assertTrue(report.logs().contains("stdout:\ntrained\n"), report::logs);
    }

    @Test
    void leavesItemsToATaWhenTheProgramDoesNotCompile() {
        GradingReport report = pipeline.grade(task("public class Main { int x = }", List.of(runRecord)));
        assertEquals(Verdict.NEEDS_REVIEW, report.items().get(0).verdict());
        assertEquals("Every run (1) has loss, val_loss, accuracy, val_accuracy for every epoch. As your program could"
                + " not be compiled on the server, a TA checks this item.", report.items().get(0).message());
        assertTrue(report.summary().startsWith("Your program did not compile on the server: Main.java:1: "),
                report::summary);
    }

    @Test
    void tellsTheStudentAboutARunRecordItCannotRead() {
        GradingReport report = pipeline.grade(task(HELLO, List.of(runRecord, "{\"format\": \"something else\"}")));
        assertTrue(report.summary().endsWith(" Run record 2 could not be read (" + readError() + ") and was left out."),
                report::summary);
        assertEquals(Verdict.PASSED, report.items().get(0).verdict());
    }

    @Test
    void refusesUnsafeFileNamesWithAReadableMessage() {
        GradingReport report = pipeline.grade(new GradingTask("Main", Map.of("../etc/Main.java", HELLO), List.of(), "",
                List.of(), RUBRIC, LIMITS, RunDatasets.NONE));
        assertTrue(report.summary().startsWith("Your sources could not be used: \"../etc/Main.java\" is not a valid"
                + " source file name"), report::summary);
        assertNull(report.items().get(0).points());
    }

    @Test
    void runsTheProgramWithTheAssignmentsDatasets(@TempDir Path temp) throws Exception {
        TinyDataset tiny = TinyDataset.write(temp.resolve("store"));
        String loads = "public class Main { public static void main(String[] args) {"
                + " System.out.println(\"examples \""
                + " + org.backprop.nn.data.Datasets.load(\"tiny\", \"train\").size()); } }";
        GradingReport report = pipeline.grade(new GradingTask("Main", Map.of("Main.java", loads), List.of(new ClaimedRun(runRecord, "Kim Minji", null)),
                "# Report", List.of("Kim Minji"), RUBRIC, LIMITS, tiny.datasets()));
        assertTrue(report.logs().contains("stdout:\nexamples 2\n"), report::logs);
        assertTrue(report.summary().startsWith("Your program compiled. Your program ran to the end."), report::summary);
    }

    @Test
    void turnsAStageThatThrowsIntoAReadableResult() {
        GradingPipeline broken = new GradingPipeline(compiler,
                new NodeSandbox(new SandboxConfig("/nonexistent/node", work, Optional.empty(), work.resolve("runs"))));
        GradingReport report = broken.grade(task(HELLO, List.of(runRecord)));
        assertEquals("Your program compiled. The server could not run your program because of an error on its side."
                + " Automatic checks: 2 of 2 points; 3 items wait for a TA.", report.summary());
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
                runRecords.stream().map(record -> new ClaimedRun(record, "Kim Minji", null)).toList(), "# Report", List.of("Kim Minji"), RUBRIC,
                LIMITS, RunDatasets.NONE);
    }
}
