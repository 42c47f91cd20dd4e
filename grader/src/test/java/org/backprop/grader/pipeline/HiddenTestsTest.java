package org.backprop.grader.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backprop.grader.GraderTestSupport;
import org.backprop.grader.check.CheckOutcome.Verdict;
import org.backprop.grader.compile.CompileService;
import org.backprop.grader.heldout.HiddenSplits;
import org.backprop.grader.result.GradedItem;
import org.backprop.grader.result.GradingReport;
import org.backprop.grader.result.Visibility;
import org.backprop.grader.sandbox.NodeSandbox;
import org.backprop.grader.sandbox.RunDatasets;
import org.backprop.grader.sandbox.RunLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code tests} item end to end: an instructor's hidden tests compiled with the student's classes by real javac
 * and TeaVM, run in the jailed Node sandbox, each result read from the runtime's test channel.
 */
class HiddenTestsTest {
    private static final RunLimits LIMITS = new RunLimits(Duration.ofSeconds(60), 64 * 1024, 512);
    private static final String MAIN = "public class Main { public static void main(String[] args) {"
            + " System.out.println(\"hello\"); } }";
    private static final String NET = """
            package model;

            public class Net {
                public static int classes() {
                    return 10;
                }

                public static float[] predict(float[] inputs) {
                    float[] out = new float[inputs.length];
                    for (int i = 0; i < inputs.length; i++) {
                        out[i] = inputs[i] * 2;
                    }
                    return out;
                }

                public static void save() {
                    throw new IllegalStateException("saving is not written yet");
                }
            }
            """;
    private static final String NET_TEST = """
            import model.Net;
            import org.backprop.nn.testing.Assertions;
            import org.backprop.nn.testing.Test;

            public class NetTest {
                @Test
                public void predictsTenClasses() {
                    Assertions.assertEquals(10, Net.classes(), "classes the network predicts");
                }

                @Test
                public void doublesItsInputs() {
                    float[] secretExpectedOutputs = {2f, 4f, 7f};
                    Assertions.assertClose(secretExpectedOutputs, Net.predict(new float[] {1f, 2f, 3f}), 1e-6,
                            "predictions");
                }

                @Test
                public static void saves() {
                    Net.save();
                }

                public void helperIsNoTest() {
                    throw new IllegalStateException("never run");
                }
            }
            """;
    private static final String FILE = "hidden/NetTest.java";
    private static final List<RubricItem> RUBRIC = List.of(new RubricItem("saved-model", "The network saves", 6,
            "tests", Map.of("files", List.of(FILE)), Visibility.AFTER_DUE));

    @TempDir
    static Path work;
    static CompileService compiler;
    static GradingPipeline pipeline;

    @BeforeAll
    static void setUp() {
        compiler = new CompileService(work.resolve("compile"), 16, 1);
        pipeline = new GradingPipeline(compiler, new NodeSandbox(GraderTestSupport.sandboxConfig(work.resolve("runs"))));
    }

    @AfterAll
    static void stopCompiler() {
        compiler.close();
    }

    private static GradedItem grade(Map<String, String> studentFiles, String hiddenTest) {
        GradingReport report = pipeline.grade(new GradingTask("Main", studentFiles, List.of(), "", List.of(), RUBRIC,
                LIMITS, RunDatasets.NONE, "", 2, HiddenSplits.NONE, Map.of(FILE, hiddenTest)));
        assertEquals(1, report.items().size(), report::logs);
        return report.items().get(0);
    }

    @Test
    void scoresEachTestFromTheRuntimesChannel() {
        GradedItem item = grade(Map.of("Main.java", MAIN, "model/Net.java", NET), NET_TEST);
        assertEquals(Verdict.PARTIAL, item.verdict(), item::message);
        assertEquals(2.0, item.points(), 1e-9);
        assertEquals("""
                1 of 3 hidden tests passed.
                - NetTest.predictsTenClasses: passed
                - NetTest.doublesItsInputs: failed: predictions: at index 2: expected 7.0 (within 1.0E-6), got 6.0
                - NetTest.saves: failed with an error: java.lang.IllegalStateException: saving is not written yet""",
                item.message());
    }

    @Test
    void theHomeworksStarterPassesItsSavedModelTestsAndABrokenNetworkFailsThem() throws IOException {
        Path homework = Path.of(System.getProperty("backprop.repository-root"), "assignments", "hw-convnets");
        Map<String, String> starter = new HashMap<>();
        for (String file : List.of("Main.java", "model/Components.java", "model/ConvNet.java")) {
            starter.put(file, Files.readString(homework.resolve(file)));
        }
        String hiddenFile = "hidden/SavedModelTest.java";
        List<RubricItem> rubric = List.of(new RubricItem("saved-model", "The saved model loads", 5, "tests",
                Map.of("files", List.of(hiddenFile)), Visibility.AFTER_DUE));
        Map<String, String> hidden = Map.of(hiddenFile, Files.readString(homework.resolve(hiddenFile)));

        GradedItem passing = pipeline.grade(new GradingTask("Main", starter, List.of(), "", List.of(), rubric, LIMITS,
                RunDatasets.NONE, "", 2, HiddenSplits.NONE, hidden)).items().get(0);
        assertEquals(Verdict.PASSED, passing.verdict(), passing::message);
        assertEquals("""
                4 of 4 hidden tests passed.
                - SavedModelTest.baselineBuildsForTenClassesOfGreyscaleImages: passed
                - SavedModelTest.savedBaselineLoadsWithTheSameParameters: passed
                - SavedModelTest.savedBaselinePredictsAsBefore: passed
                - SavedModelTest.everyAblationVariantBuildsAndSaves: passed""", passing.message());

        Map<String, String> twoClasses = new HashMap<>(starter);
        twoClasses.put("model/ConvNet.java", starter.get("model/ConvNet.java")
                .replace("new Dense(classes, \"softmax\")", "new Dense(2, \"softmax\")"));
        GradedItem failing = pipeline.grade(new GradingTask("Main", twoClasses, List.of(), "", List.of(), rubric,
                LIMITS, RunDatasets.NONE, "", 2, HiddenSplits.NONE, hidden)).items().get(0);
        assertEquals(Verdict.PARTIAL, failing.verdict(), failing::message);
        assertTrue(failing.message().contains("- SavedModelTest.baselineBuildsForTenClassesOfGreyscaleImages: failed:"
                + " classes the network predicts for 10 classes: expected 10, got 2"), failing::message);
    }

    @Test
    void passesWhenEveryTestPasses() {
        GradedItem item = grade(Map.of("Main.java", MAIN, "model/Net.java", NET.replace("throw new"
                + " IllegalStateException(\"saving is not written yet\");", "").replace("inputs[i] * 2",
                "i == 2 ? 7f : inputs[i] * 2")), NET_TEST);
        assertEquals(Verdict.PASSED, item.verdict(), item::message);
        assertEquals(6.0, item.points(), 1e-9);
    }

    @Test
    void doesNotBelievePrintedTestResults() {
        // The student's code prints what a test report looks like, in every shape the runner writes, and exits main.
        String forger = NET.replace("return 10;", "System.out.print(\"t\\u0000\\u0000\\u0000\\u0040{\\\"test\\\":"
                + "\\\"NetTest.doublesItsInputs\\\",\\\"outcome\\\":\\\"passed\\\",\\\"message\\\":null}\");"
                + " System.out.println(\"{\\\"test\\\":\\\"NetTest.saves\\\",\\\"outcome\\\":\\\"passed\\\"}\");"
                + " System.err.println(\"NetTest.saves: passed\"); return 10;");
        GradedItem item = grade(Map.of("Main.java", MAIN, "model/Net.java", forger), NET_TEST);
        assertEquals(Verdict.PARTIAL, item.verdict(), item::message);
        assertTrue(item.message().startsWith("1 of 3 hidden tests passed.\n"), item::message);
        assertTrue(item.message().contains("- NetTest.doublesItsInputs: failed: predictions"), item::message);
        assertTrue(item.message().contains("- NetTest.saves: failed with an error"), item::message);
    }

    @Test
    void refusesAStudentClassNamedLikeAHiddenTest() {
        String impostor = "public class NetTest { @org.backprop.nn.testing.Test public void predictsTenClasses() { }"
                + " @org.backprop.nn.testing.Test public void doublesItsInputs() { }"
                + " @org.backprop.nn.testing.Test public static void saves() { } }";
        GradedItem item = grade(Map.of("Main.java", MAIN, "model/Net.java", NET, "NetTest.java", impostor), NET_TEST);
        assertEquals(Verdict.FAILED, item.verdict(), item::message);
        assertTrue(item.message().startsWith("Your program declares a class NetTest with the name of the assignment's"
                + " hidden test classes, so the tests cannot run: rename it."), item::message);
    }

    @Test
    void refusesAStudentClassNamedLikeTheRunner() {
        String runner = "public class BackpropTestRunner$ { public static void main(String[] args) { } }";
        GradedItem item = grade(Map.of("Main.java", MAIN, "model/Net.java", NET, "BackpropTestRunner$.java", runner),
                NET_TEST);
        assertEquals(Verdict.FAILED, item.verdict(), item::message);
        assertTrue(item.message().contains("Your class BackpropTestRunner$ has the name of a class of the platform:"
                + " rename it."), item::message);
    }

    @Test
    void saysWhatIsMissingWithoutQuotingTheHiddenTests() {
        String withoutPredict = NET.substring(0, NET.indexOf("    public static float[] predict")) + "}\n";
        GradingReport report = pipeline.grade(new GradingTask("Main", Map.of("Main.java", MAIN, "model/Net.java",
                withoutPredict), List.of(), "", List.of(), RUBRIC, LIMITS, RunDatasets.NONE, "", 2, HiddenSplits.NONE,
                Map.of(FILE, NET_TEST)));
        GradedItem item = report.items().get(0);
        assertEquals(Verdict.FAILED, item.verdict(), item::message);
        assertTrue(item.message().startsWith("The hidden tests did not compile against your classes: cannot find"
                + " symbol; symbol: method predict(float[]); location: class model.Net."), item::message);
        for (String line : NET_TEST.lines().map(String::strip).filter(line -> line.length() >= 8).toList()) {
            assertFalse(item.message().contains(line), () -> "quotes \"" + line + "\": " + item.message());
            assertFalse(report.summary().contains(line), () -> "quotes \"" + line + "\": " + report.summary());
            assertFalse(report.logs().contains(line), () -> "the log quotes \"" + line + "\"");
        }
        assertFalse(item.message().contains("secretExpectedOutputs"), item::message);
    }

    @Test
    void failsWithTheCompileErrorWhenTheSubmissionDoesNotCompile() {
        GradedItem item = grade(Map.of("Main.java", MAIN, "model/Net.java", "package model; public class Net { int x = }"),
                NET_TEST);
        assertEquals(Verdict.FAILED, item.verdict(), item::message);
        assertTrue(item.message().startsWith("Your program did not compile with the hidden tests: model/Net.java:1:"),
                item::message);
    }

    @Test
    void leavesTheItemToATaWhenTheHiddenTestsAreMissingOrBroken() {
        GradingReport none = pipeline.grade(new GradingTask("Main", Map.of("Main.java", MAIN), List.of(), "", List.of(),
                RUBRIC, LIMITS, RunDatasets.NONE, "", 2, HiddenSplits.NONE));
        assertEquals(Verdict.NEEDS_REVIEW, none.items().get(0).verdict());
        assertEquals("A TA scores this item: the assignment's hidden tests did not reach the grader.",
                none.items().get(0).message());
        GradedItem noTests = grade(Map.of("Main.java", MAIN), "public class NetTest { public void notATest() { } }");
        assertEquals(new GradedItem("saved-model", Verdict.NEEDS_REVIEW, null, 6, "A TA scores this item: the"
                + " assignment's hidden tests are set up wrongly.", Visibility.AFTER_DUE), noTests);
    }
}
