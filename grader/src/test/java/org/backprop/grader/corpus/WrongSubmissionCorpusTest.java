package org.backprop.grader.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.backprop.grader.GraderTestSupport;
import org.backprop.grader.check.CheckCatalogue;
import org.backprop.grader.check.CheckOutcome.Verdict;
import org.backprop.grader.compile.CompileResult;
import org.backprop.grader.compile.CompileService;
import org.backprop.grader.compile.SourceBundle;
import org.backprop.grader.evidence.Member;
import org.backprop.grader.pipeline.ClaimedRun;
import org.backprop.grader.pipeline.GradingPipeline;
import org.backprop.grader.pipeline.GradingTask;
import org.backprop.grader.pipeline.RubricItem;
import org.backprop.grader.result.GradedItem;
import org.backprop.grader.result.GradingReport;
import org.backprop.grader.sandbox.NodeSandbox;
import org.backprop.grader.sandbox.RunLimits;
import org.backprop.grader.sandbox.RunPlan;
import org.backprop.grader.sandbox.RunResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wrong-submission corpus of issue 13: the real homework ({@code assignments/hw-convnets}: its rubric from
 * {@code assignment.yaml}, its reference solution) graded through {@link GradingPipeline} with the real compile
 * service and the jailed Node sandbox, on synthetic stand-ins for its two datasets ({@link StripeDatasets}), for the
 * reference and for submissions that are wrong in one way each. Every case asserts the verdict of every automatic
 * item, and for each item that must not pass, a phrase of its message that says why.
 *
 * <p>The handed-in runs are honest: each case's program runs first in the same sandbox with every run trained, as a
 * member's browser runs it, and every run record it reports is handed in, attributed to the three members in turn.
 * Compiled programs (the compile service's cache) and these claim runs are shared between cases.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WrongSubmissionCorpusTest {
    private static final RunLimits LIMITS = new RunLimits(Duration.ofMinutes(4), 1024 * 1024, 4096);
    private static final List<Member> MEMBERS = List.of(new Member(1, "Kim Minji"), new Member(2, "Lucas Oliveira"),
            new Member(3, "Amara Okafor"));
    /**
     * Fixed, so that every case re-runs the same runs: the two baselines and, as this hash draws them, the two
     * variants without batch normalization. Their val_accuracy stays below 1 (some of {@link StripeDatasets}' labels
     * are wrong), so a team can claim a better one; a run at 1.0 could not be claimed better and would be reproduced.
     */
    private static final String SUBMISSION_HASH = "014f0c0ffee0a11ce0b0b0c0de0f00d0123456789abcdef0123456789abcdef";
    private static final int RERUN_VARIANTS = 2;
    /** The study, shrunk: examples each fit trains and validates on (the reference's 5 epochs stay). */
    private static final int TRAIN_EXAMPLES = 96;
    private static final int VALIDATION_EXAMPLES = 32;
    private static final int HIDDEN_EXAMPLES = 100;
    private static final String FIT_CALL = ".runName(runName).tags(variant.tag()));";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path KEPT = Path.of("target", "wrong-submission-corpus");

    @TempDir
    static Path work;
    static CompileService compiler;
    static NodeSandbox sandbox;
    static GradingPipeline pipeline;
    static StripeDatasets datasets;
    static List<RubricItem> rubric;
    static long started;
    static Map<String, String> reference;
    static Map<String, String> augmentationNotWired;
    static Map<String, String> augmentationAtInference;
    static Map<String, String> ablationRemovesNothing;
    static Map<String, String> helloWorld;
    static Map<String, String> crashesInEpochTwo;
    /** Each program's compilation, started at once in the background so that it overlaps the sandbox's runs. */
    private static final Map<Map<String, String>, Future<CompileResult>> COMPILED = new ConcurrentHashMap<>();
    private static ExecutorService compiling;
    /** The runs each program's honest run hands in, by program. */
    private static final Map<Map<String, String>, List<ClaimedRun>> CLAIMS = new ConcurrentHashMap<>();

    @BeforeAll
    static void setUp() throws IOException {
        started = System.nanoTime();
        compiler = new CompileService(work.resolve("compile"), 16, 1);
        sandbox = new NodeSandbox(GraderTestSupport.sandboxConfig(work.resolve("runs")));
        pipeline = new GradingPipeline(compiler, sandbox);
        datasets = StripeDatasets.write(work.resolve("store"), TRAIN_EXAMPLES + VALIDATION_EXAMPLES, HIDDEN_EXAMPLES);
        rubric = Homework.rubric();
        assertEquals(List.of("augmentation", "modern-convnet", "two-datasets", "ablation", "curves",
                "metrics-reproduce", "saved-model", "team-report", "insight"),
                rubric.stream().map(RubricItem::key).toList(), "the homework's rubric changed: update the corpus");
        assertEquals(Homework.HELDOUT_DATASET, rubric.get(2).params().get("dataset"));
        reference = Homework.reference(TRAIN_EXAMPLES, VALIDATION_EXAMPLES);
        augmentationNotWired = reference;
        for (String layer : List.of("RandomRotation(0.05)", "RandomZoom(0.1)")) {
            // The layers are built and even called, but their output is dropped: the model never uses it.
            augmentationNotWired = Homework.edit(augmentationNotWired, "model/ConvNet.java", "x = new " + layer
                    + ".apply(x);", "new " + layer + ".apply(x);");
        }
        augmentationAtInference = Homework.edit(reference, "model/ConvNet.java", """
                            x = new RandomRotation(0.05).apply(x);
                            x = new RandomZoom(0.1).apply(x);
                """, """
                            x = new AlwaysAugment().apply(x);
                """);
        augmentationAtInference.put("model/AlwaysAugment.java", ALWAYS_AUGMENT);
        // The library refuses to save a model with a layer of the student's own class; this student carries on.
        augmentationAtInference = Homework.edit(augmentationAtInference, "Main.java", "model.save(name);",
                "try { model.save(name); } catch (IllegalArgumentException e) { System.out.println(\"not saved: \""
                        + " + e.getMessage()); }");
        ablationRemovesNothing = reference;
        for (String variant : List.of("\"no-augmentation\", false, true, true, true",
                "\"no-residual\", true, false, true, true", "\"no-batch-normalization\", true, true, false, true",
                "\"no-separable-conv\", true, true, true, false")) {
            ablationRemovesNothing = Homework.edit(ablationRemovesNothing, "model/Components.java", variant,
                    variant.substring(0, variant.indexOf(',')) + ", true, true, true, true");
        }
        assertFalse(ablationRemovesNothing.get("model/Components.java").contains("false"),
                "every variant keeps every component");
        helloWorld = Map.of("Main.java", "public class Main { public static void main(String[] args)"
                + " { System.out.println(\"hi\"); } }");
        crashesInEpochTwo = Homework.edit(reference, "Main.java", FIT_CALL, FIT_CALL.substring(0, FIT_CALL.length()
                - 2) + ".callbacks(new org.backprop.nn.callbacks.Callback() { @Override public void onEpochEnd(Model"
                + " trained, int epoch, java.util.Map<String, Double> logs) { if (epoch == 2) { throw new"
                + " IllegalStateException(\"out of ideas in epoch \" + epoch); } } }));");
        compiling = Executors.newSingleThreadExecutor();
        for (Map<String, String> program : List.of(reference, augmentationNotWired, augmentationAtInference,
                ablationRemovesNothing, crashesInEpochTwo, helloWorld)) {
            COMPILED.put(program, compiling.submit(() -> compiler.compile(new SourceBundle("Main", program))));
        }
        Files.createDirectories(KEPT);
    }

    @AfterAll
    static void tearDown() {
        if (compiling != null) {
            compiling.shutdownNow();
        }
        if (compiler != null) {
            compiler.close();
        }
        System.out.printf("WrongSubmissionCorpusTest: %.1f s in all%n", (System.nanoTime() - started) / 1e9);
    }

    @Test
    @Order(1)
    void theReferencePassesEveryAutomaticItem() {
        GradingReport report = grade("reference", reference, claims(reference), report(MEMBERS));
        expect(report);
    }

    @Test
    @Order(2)
    void aReportThatOmitsAMember() {
        GradingReport report = grade("report-omits-a-member", reference, claims(reference),
                report(MEMBERS.subList(0, 2)));
        expect(report, partial("team-report", "The submission lacks the name of team member " + MEMBERS.get(2).name()
                + "."));
    }

    @Test
    @Order(3)
    void claimedMetricsBetterThanTheCodeProduces() {
        List<ClaimedRun> honest = claims(reference);
        List<ClaimedRun> inflated = honest.stream().map(run -> new ClaimedRun(raiseValAccuracy(run.recordJson()),
                run.member(), run.sourceSha256())).toList();
        GradingReport report = grade("claims-inflated", reference, inflated, report(MEMBERS));
        expect(report, failed("metrics-reproduce", "0 of 4 re-run handed-in runs reproduced",
                "run \"mnist/baseline\": differs: val_accuracy " + finalValAccuracy(inflated, "mnist/baseline")
                        + " claimed after 5 epochs, " + finalValAccuracy(honest, "mnist/baseline")
                        + " on the server after 5; they part in epoch 1"));
    }

    @Test
    @Order(4)
    void aHelloWorldHandingInTheReferencesRuns() {
        GradingReport report = grade("hello-world", helloWorld, claims(reference), report(MEMBERS));
        String noFit = "it trained no model (it never called fit)";
        expect(report,
                failed("augmentation", noFit),
                failed("modern-convnet", noFit),
                failed("two-datasets", "saved no model named \"mnist\""),
                failed("ablation", "No handed-in run is a baseline the submitted code produces"),
                failed("curves", "0 of 10 handed-in runs have", "run \"fashion_mnist/baseline\" is not produced by"
                        + " the submitted code: the submitted code never trains a run named \"fashion_mnist/baseline\""),
                failed("metrics-reproduce", "0 of 10 re-run handed-in runs reproduced", "- run \"mnist/no-residual\":"
                        + " not produced by the submitted code"),
                failed("saved-model", "The hidden tests did not compile against your classes: package model does not"
                        + " exist"),
                partial("team-report", MEMBERS.stream().map(member -> "a handed-in run by " + member.name()
                        + " (the submitted code must produce it)").toArray(String[]::new)));
    }

    @Test
    @Order(5)
    void aProgramThatCrashesInEpochTwo() {
        // Nothing it runs ends, so the team hands in the runs of the reference it had before.
        GradingReport report = grade("crashes-in-epoch-2", crashesInEpochTwo, claims(reference), report(MEMBERS));
        String crash = "Your program stopped with java.lang.IllegalStateException: out of ideas in epoch 2";
        String judged = "This item is judged on the server's run of your code, so it earns nothing until that run"
                + " completes.";
        expect(report,
                failed("augmentation", crash, judged),
                failed("modern-convnet", crash, judged),
                failed("two-datasets", crash, judged),
                failed("ablation", crash, judged),
                failed("curves", crash, judged),
                failed("metrics-reproduce", crash, judged),
                partial("team-report", MEMBERS.stream().map(member -> "a handed-in run by " + member.name()
                        + " (the submitted code must produce it)").toArray(String[]::new)));
    }

    @Test
    @Order(6)
    void augmentationLayersBuiltButNotWiredIntoTheModelEarnNothing() {
        GradingReport report = grade("augmentation-not-wired", augmentationNotWired, claims(augmentationNotWired),
                report(MEMBERS));
        expect(report,
                failed("augmentation", "it has 0 augmentation layers", "never apply to the model's tensors"),
                partial("ablation", "Not ablated right: augmentation.",
                        "run \"fashion_mnist/no-augmentation\": its model is the baseline's: it removes nothing",
                        "run \"mnist/no-augmentation\": its model is the baseline's: it removes nothing"));
    }

    @Test
    @Order(7)
    void augmentationAppliedAtInferenceToo() {
        GradingReport report = grade("augmentation-at-inference", augmentationAtInference,
                claims(augmentationAtInference), report(MEMBERS));
        expect(report,
                failed("augmentation", "it has 0 augmentation layers", "the model gave different outputs for the"
                        + " same images at inference"),
                failed("two-datasets", "saved no model named \"mnist\""),
                partial("ablation", "Not ablated right: augmentation.", "run \"mnist/no-augmentation\": it removes no"
                        + " RandomBrightness/", "(it removes 1× your own AlwaysAugment"),
                // The library saves no model with a layer of the student's own class, so the saved-model tests fail.
                partial("saved-model", "1 of 4 hidden tests passed", "SavedModelTest.savedBaselinePredictsAsBefore:"
                        + " failed with an error"));
    }

    @Test
    @Order(8)
    void ablationVariantsThatRemoveNothing() {
        GradingReport report = grade("ablation-removes-nothing", ablationRemovesNothing,
                claims(ablationRemovesNothing), report(MEMBERS));
        expect(report, failed("ablation", "0 components are ablated right", "Not ablated right: augmentation,"
                + " residual, batch-normalization, separable-conv.", "run \"mnist/no-residual\": its model is the"
                        + " baseline's: it removes nothing"));
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** A student's "augmentation" that augments at inference too: it calls the library's layers in training mode. */
    private static final String ALWAYS_AUGMENT = """
            package model;

            import org.backprop.nn.Tensor;
            import org.backprop.nn.layers.Layer;
            import org.backprop.nn.layers.preprocessing.RandomFlip;
            import org.backprop.nn.layers.preprocessing.RandomRotation;

            /** Flips and rotates the images. */
            public final class AlwaysAugment extends Layer {
                private final RandomFlip flip = new RandomFlip("horizontal");
                private final RandomRotation rotation = new RandomRotation(0.1);

                public AlwaysAugment() {
                    super("always_augment");
                }

                @Override
                public String typeName() {
                    return "AlwaysAugment";
                }

                @Override
                public int[] computeOutputShape(int[] inputShape) {
                    return inputShape.clone();
                }

                @Override
                protected Tensor forward(Tensor inputs, boolean training) {
                    return rotation.call(flip.call(inputs, true), true);
                }
            }
            """;

    private record Expected(String key, Verdict verdict, List<String> phrases) {
    }

    private static Expected failed(String key, String... phrases) {
        return new Expected(key, Verdict.FAILED, List.of(phrases));
    }

    private static Expected partial(String key, String... phrases) {
        return new Expected(key, Verdict.PARTIAL, List.of(phrases));
    }

    /**
     * Asserts the verdict of every item: the automatic ones the {@code expected} name as said, with each phrase in
     * their message; every other automatic item passed; the items no automatic check grades wait for a TA; no item
     * is "set up wrongly".
     */
    private static void expect(GradingReport report, Expected... expected) {
        Map<String, Expected> byKey = new LinkedHashMap<>();
        Arrays.stream(expected).forEach(item -> byKey.put(item.key(), item));
        assertEquals(rubric.size(), report.items().size(), report::toString);
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < rubric.size(); i++) {
            RubricItem item = rubric.get(i);
            GradedItem graded = report.items().get(i);
            assertEquals(item.key(), graded.key());
            assertFalse(graded.message().contains("set up wrongly"), graded::toString);
            boolean automatic = CheckCatalogue.spec(item.check()).orElseThrow().automatic().isPresent();
            Expected wanted = byKey.remove(item.key());
            if (!automatic) {
                assertTrue(wanted == null, "a TA grades " + item.key());
                if (graded.verdict() != Verdict.NEEDS_REVIEW) {
                    wrong.add(item.key() + ": " + graded.verdict() + " where a TA grades it: " + graded.message());
                }
                continue;
            }
            Verdict verdict = wanted == null ? Verdict.PASSED : wanted.verdict();
            if (graded.verdict() != verdict) {
                wrong.add(item.key() + ": " + graded.verdict() + " where " + verdict + " was expected: "
                        + graded.message());
                continue;
            }
            for (String phrase : wanted == null ? List.<String>of() : wanted.phrases()) {
                if (!graded.message().contains(phrase)) {
                    wrong.add(item.key() + ": the message lacks \"" + phrase + "\": " + graded.message());
                }
            }
        }
        assertTrue(byKey.isEmpty(), () -> "not in the rubric: " + byKey.keySet());
        assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong) + "\n\nstaff log:\n" + report.logs());
    }

    /** Grades {@code program} with {@code claims} and the homework's rubric, and keeps the result for reading. */
    private static GradingReport grade(String name, Map<String, String> program, List<ClaimedRun> claims,
            String report) {
        compiled(program);
        long start = System.nanoTime();
        GradingReport graded = pipeline.grade(new GradingTask("Main", program, claims, report, MEMBERS, rubric,
                LIMITS, datasets.students(), SUBMISSION_HASH, RERUN_VARIANTS, datasets.hiddenSplits(),
                Homework.hiddenTests(rubric)));
        StringBuilder kept = new StringBuilder(String.format("%s: graded in %.1f s%n%s%n", name,
                (System.nanoTime() - start) / 1e9, graded.summary()));
        for (GradedItem item : graded.items()) {
            kept.append("\n[").append(item.key()).append("] ").append(item.verdict()).append(": ")
                    .append(item.message()).append('\n');
        }
        kept.append("\n--- staff log ---\n").append(graded.logs());
        try {
            Files.writeString(KEPT.resolve(name + ".txt"), kept);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(kept.substring(0, kept.indexOf("--- staff log ---")));
        return graded;
    }

    /**
     * Returns the runs a team hands in for {@code program}: it runs once in the sandbox with every run trained, as a
     * member's browser runs it, and every record it reports is handed in, the members taking turns.
     */
    private static List<ClaimedRun> claims(Map<String, String> program) {
        return CLAIMS.computeIfAbsent(program, sources -> {
            long start = System.nanoTime();
            SourceBundle bundle = new SourceBundle("Main", sources);
            CompileResult compiled = compiled(sources);
            RunResult run = sandbox.run(compiled.js(), LIMITS, datasets.students(), RunPlan.ALL);
            assertEquals(RunResult.Status.COMPLETED, run.status(), run::toString);
            assertEquals(10, run.runRecords().size(), "on each of 2 datasets the study: the baseline, which is the"
                    + " final model, and 4 variants");
            List<ClaimedRun> claims = new ArrayList<>();
            for (int i = 0; i < run.runRecords().size(); i++) {
                claims.add(new ClaimedRun(run.runRecords().get(i), MEMBERS.get(i % MEMBERS.size()), bundle.sha256()));
            }
            System.out.printf("claims: ran in %.1f s (%d ms in the sandbox)%n%s%n", (System.nanoTime() - start) / 1e9,
                    run.wallMillis(), run.stdout());
            return List.copyOf(claims);
        });
    }

    /** Returns {@code program} compiled (the compile service keeps it: the pipeline's compile finds it there). */
    private static CompileResult compiled(Map<String, String> program) {
        CompileResult compiled;
        try {
            compiled = COMPILED.get(program).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError("compiling failed", e);
        }
        assertTrue(compiled.succeeded(), compiled.diagnostics()::toString);
        return compiled;
    }

    /** Returns the reference's report, which names {@code named}. */
    private static String report(List<Member> named) {
        return Homework.report() + String.join(", ", named.stream().map(Member::name).toList())
                + " each ran part of the study.\n";
    }

    /** Returns a run record whose val_accuracy is better than its fit's: halfway to 1 in every epoch. */
    private static String raiseValAccuracy(String recordJson) {
        try {
            ObjectNode record = (ObjectNode) JSON.readTree(recordJson);
            ArrayNode curve = (ArrayNode) record.path("history").path("val_accuracy");
            for (int i = 0; i < curve.size(); i++) {
                curve.set(i, raised(curve.get(i).asDouble()));
            }
            if (record.path("finalMetrics") instanceof ObjectNode metrics && metrics.has("val_accuracy")) {
                metrics.put("val_accuracy", raised(metrics.get("val_accuracy").asDouble()));
            }
            return JSON.writeValueAsString(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double raised(double accuracy) {
        return accuracy + (1 - accuracy) / 2;
    }

    private static String finalValAccuracy(List<ClaimedRun> claims, String run) {
        try {
            for (ClaimedRun claim : claims) {
                JsonNode record = JSON.readTree(claim.recordJson());
                if (record.path("name").asText().equals(run)) {
                    JsonNode curve = record.path("history").path("val_accuracy");
                    return org.backprop.nn.Numbers.format(curve.get(curve.size() - 1).asDouble(), 4);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no run " + run);
    }
}
