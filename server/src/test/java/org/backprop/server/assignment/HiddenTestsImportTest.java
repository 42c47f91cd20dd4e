package org.backprop.server.assignment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.Homework;
import org.backprop.server.grading.StoredGradingInputs;
import org.junit.jupiter.api.Test;

/**
 * The hidden tests of an assignment's {@code tests} items: stored at import for the grading workers, never served
 * to students, and an import error when a file is missing or declares no tests.
 */
@QuarkusTest
class HiddenTestsImportTest {
    private static final String HIDDEN = "hidden/SavedModelTest.java";
    /** Lines of the hidden test that a student must never see. */
    private static final List<String> SECRETS = List.of("savedBaselinePredictsAsBefore", "SavedModels.fromBytes");

    @Inject
    Fixtures fixtures;

    @Inject
    StoredGradingInputs inputs;

    @Test
    void storesTheHomeworksHiddenTestsForWorkersAndShowsThemToNoStudent() throws IOException {
        Fixtures.Cohort course = fixtures.cohort(1);
        long id = as(course.instructor()).post("/api/courses/" + course.id() + "/assignments/import/hw-convnets")
                .then().statusCode(201).body("starterFiles", contains("Main.java", "model/Components.java",
                        "model/ConvNet.java"))
                .extract().jsonPath().getLong("id");

        String source = Files.readString(Path.of(System.getProperty("backprop.repository-root"), "assignments",
                "hw-convnets", HIDDEN));
        assertEquals(Map.of(HIDDEN, source), inputs.hiddenTests(id));

        Fixtures.User student = course.students().get(0);
        for (String path : List.of("/api/assignments/" + id, "/api/assignments/" + id + "/starter",
                "/api/courses/" + course.id() + "/assignments")) {
            String body = as(student).get(path).then().statusCode(200).extract().asString();
            for (String secret : SECRETS) {
                assertFalse(body.contains(secret), () -> path + " shows the hidden tests' \"" + secret + "\"");
            }
            assertFalse(body.contains(HIDDEN), () -> path + " names the hidden test file");
        }
        String staffStarter = as(course.instructor()).get("/api/assignments/" + id + "/starter").then().statusCode(200)
                .extract().asString();
        assertFalse(staffStarter.contains(HIDDEN), "the starter files hold no hidden test");
    }

    @Test
    void refusesATestsItemWhoseFileIsMissingIsAStarterFileOrHasNoTests() {
        Fixtures.Cohort course = fixtures.cohort(1);
        String yaml = Homework.spec("2099-12-14T23:59") + """
                  - {id: missing, points: 5, description: d, check: tests, params: {files: [hidden/NoSuchTest.java]}}
                  - {id: starter, points: 5, description: d, check: tests, params: {files: [Main.java]}}
                  - {id: empty, points: 5, description: d, check: tests, params: {files: [hidden/EmptyTest.java]}}
                """;
        as(course.instructor()).contentType(ContentType.JSON)
                .body(Map.of("id", "hw", "files", Map.of("assignment.yaml", yaml, "Main.java", Homework.MAIN,
                        "hidden/EmptyTest.java", "public class EmptyTest { public void notATest() { } }")))
                .post("/api/courses/" + course.id() + "/assignments/import").then().statusCode(422)
                .body("errors.path", contains("rubric[2].params.files[0]", "rubric[3].params.files[0]",
                        "rubric[4].params.files[0]"))
                .body("errors[0].message", equalTo("the folder has no file hidden/NoSuchTest.java"))
                .body("errors[1].message", equalTo("Main.java is a starter file, which students receive; hidden tests"
                        + " must not be"))
                .body("errors[2].message", equalTo("no method in hidden/EmptyTest.java is annotated @Test"));
    }

    @Test
    void refusesHiddenTestsThatDoNotCompileAgainstTheReferenceSolution() throws IOException {
        Fixtures.Cohort course = fixtures.cohort(1);
        Map<String, String> folder = new TreeMap<>(homeworkFolder());
        // The instructor's test calls a method the reference's network does not have.
        folder.put(HIDDEN, folder.get(HIDDEN).replace("ConvNet.build(", "ConvNet.buildWide("));
        as(course.instructor()).contentType(ContentType.JSON).body(Map.of("id", "hw-broken-tests", "files", folder))
                .post("/api/courses/" + course.id() + "/assignments/import").then().statusCode(422)
                .body("errors.path", contains("rubric[6].params.files"))
                .body("errors[0].message", allOf(
                        startsWith("the hidden tests do not compile against the reference"
                                + " solution: "),
                        containsString("buildWide")));
        as(course.instructor()).get("/api/courses/" + course.id() + "/assignments").then().statusCode(200)
                .body("items.slug", not(hasItem("hw-broken-tests")));

        // The same folder, whose reference network has the method the test calls, compiles and is published.
        folder.put(ReferenceSolution.FOLDER + "model/ConvNet.java", folder.get("model/ConvNet.java")
                .replace("public static Model build(", "public static Model buildWide(int height, int width, int"
                        + " channels, int classes, Components use) {\n        return build(height, width, channels,"
                        + " classes, use);\n    }\n\n    public static Model build("));
        as(course.instructor()).contentType(ContentType.JSON).body(Map.of("id", "hw-broken-tests", "files", folder))
                .post("/api/courses/" + course.id() + "/assignments/import").then().statusCode(201);
    }

    /** The real homework's folder, every file by its path. */
    private static Map<String, String> homeworkFolder() throws IOException {
        Path root = Path.of(System.getProperty("backprop.repository-root"), "assignments", "hw-convnets");
        Map<String, String> files = new TreeMap<>();
        try (var paths = Files.walk(root)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        return files;
    }

    private static RequestSpecification as(Fixtures.User user) {
        return given().auth().oauth2(user.token()).when();
    }
}
