package org.backprop.server.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.backprop.grader.compile.CompileResult;
import org.backprop.grader.compile.CompileService;
import org.backprop.grader.compile.SourceBundle;
import org.backprop.grader.sandbox.NodeSandbox;
import org.backprop.grader.sandbox.RunDatasets;
import org.backprop.grader.sandbox.RunPlan;
import org.backprop.grader.sandbox.RunResult;
import org.backprop.nn.Tensor;
import org.backprop.nn.data.store.PretrainedRef;
import org.backprop.nn.internal.TensorInternals;
import org.backprop.nn.saving.SavedModels;
import org.backprop.server.dataset.DatasetStore;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.Homework;
import org.backprop.server.fixtures.TinyPretrained;
import org.backprop.server.grading.GradingConfig;
import org.backprop.server.grading.GradingFixtures;
import org.backprop.server.grading.GradingInputs;
import org.junit.jupiter.api.Test;

/**
 * A course's pretrained model from the staff's upload to a graded program: published over HTTP, named by the
 * assignment's {@code pretrained:}, handed to a worker's lease with its bytes behind the worker's shard endpoint, and
 * loaded by name by a program compiled by the real compile service and run in the real sandbox, which predicts what
 * the published model predicts.
 */
@QuarkusTest
class PretrainedEndToEndTest {
    /** Loads the assignment's model by name and prints its prediction for one example. */
    private static final String PREDICTS = String.join("\n",
            "import org.backprop.nn.Tensor;",
            "import org.backprop.nn.models.Model;",
            "import org.backprop.nn.models.Pretrained;",
            "public class Main { public static void main(String[] args) {",
            "  Model base = Pretrained.load(\"tiny_base\");",
            "  float[] out = base.predict(Tensor.of(new float[][] {{1, 2, 3, 4}})).toArray();",
            "  System.out.println(out[0] + \" \" + out[1]);",
            "  try { Pretrained.load(\"vgg16\"); } catch (IllegalArgumentException e) {"
                    + " System.out.println(e.getMessage()); }",
            "} }");

    @Inject
    Fixtures fixtures;

    @Inject
    DatasetStore datasetStore;

    @Inject
    CompileService compiler;

    @Inject
    NodeSandbox sandbox;

    @Inject
    GradingInputs inputs;

    @Inject
    GradingConfig config;

    @Test
    void aPublishedModelReachesTheGradersRunAndPredictsAsPublished() {
        Fixtures.Cohort course = fixtures.cohort(1);
        byte[] bytes = SavedModels.toBytes(TinyPretrained.model());
        String sha256 = given().auth().oauth2(course.instructor().token())
                .multiPart("file", "tiny_base.bpm", bytes, "application/octet-stream")
                .multiPart("name", "tiny_base").multiPart("version", "1.0.0")
                .post("/api/courses/" + course.id() + "/pretrained").then().statusCode(201).extract().jsonPath()
                .getString("sha256");
        Homework homework = Homework.publish(course, "2099-12-14T23:59", 1);

        List<PretrainedRef> pretrained = inputs.pretrained(homework.assignmentId());
        assertEquals(List.of(new PretrainedRef("tiny_base", "1.0.0", sha256, bytes.length)), pretrained);

        // A remote worker's lease names the model, and the worker's shard endpoint serves its bytes by hash.
        homework.submit(course.students().get(0), "# Report").then().statusCode(201);
        String worker = GradingFixtures.workerToken(course.instructor(), course.id());
        JsonPath lease = given().auth().oauth2(worker).post("/api/worker/leases").then().statusCode(201).extract()
                .jsonPath();
        assertEquals(sha256, lease.getString("pretrained[0].sha256"));
        assertEquals("tiny_base", lease.getString("pretrained[0].name"));
        assertArrayEquals(bytes, given().auth().oauth2(worker).get("/api/worker/shards/" + sha256).then()
                .statusCode(200).extract().asByteArray());

        CompileResult compiled = compiler.compile(new SourceBundle("Main", Map.of("Main.java", PREDICTS)));
        assertTrue(compiled.succeeded(), compiled.diagnostics()::toString);
        RunResult run = sandbox.run(compiled.js(), config.limits().view().toRunLimits(),
                new RunDatasets(List.of(), pretrained, datasetStore::shard), RunPlan.ALL);

        assertEquals(RunResult.Status.COMPLETED, run.status(), run::toString);
        String[] lines = run.stdout().split("\n");
        String[] predicted = lines[0].split(" ");
        float[] expected = TensorInternals.values(TinyPretrained.model().predict(Tensor.of(new float[][] {{1, 2, 3,
                4}})));
        // WebGPU's float arithmetic may round differently from the CPU's in the last bits.
        assertEquals(expected[0], Float.parseFloat(predicted[0]), 1e-4, run::stdout);
        assertEquals(expected[1], Float.parseFloat(predicted[1]), 1e-4, run::stdout);
        assertEquals("The assignment has no pretrained model vgg16; it has tiny_base 1.0.0", lines[1]);
    }
}
