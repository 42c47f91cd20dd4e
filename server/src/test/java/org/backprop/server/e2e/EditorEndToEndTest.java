package org.backprop.server.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.backprop.grader.compile.SourceBundle;
import org.backprop.grader.io.TempFolders;
import org.backprop.nn.Tensor;
import org.backprop.nn.internal.TensorInternals;
import org.backprop.nn.saving.SavedModels;
import org.backprop.server.course.CourseRole;
import org.backprop.server.dataset.DatasetFormat;
import org.backprop.server.dataset.DatasetService;
import org.backprop.server.dataset.ImportSettings;
import org.backprop.server.experiment.ExperimentRun;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.Homework;
import org.backprop.server.fixtures.TinyPretrained;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A student's first minutes, in the real app in headless Chromium with WebGPU on SwiftShader: the playground asks to
 * sign in, runs the sample, marks a compile error at its line, stops a program that never ends, loads a dataset of
 * the course (downloaded once, with progress; then from the browser's Cache API, also after a reload) and refuses its
 * hidden split. Then, in an assignment's workspace, a team member's fits are drawn live and reach the team's
 * experiment log (a teammate reads them), and a student in no team reads the server's refusal instead of a workspace.
 * The browser is driven by {@code src/test/e2e/editor.e2e.mjs} (Playwright), which reports what it saw as JSON.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditorEndToEndTest {
    private static final String SAMPLE_OUTPUT = String.join("\n",
            "predictions without bias: [[5.3000], [6.2000], [6.8000]]",
            "w = [0.1000, 0.3000, 3.0000], bias 0.5: MAE 1.000",
            "w = [0.1000, 0.3000, 4.0000], bias 0.5: MAE 0.567",
            "w = [0.1000, 0.2000, 2.0000], bias 0.5: MAE 1.767") + "\n";

    /** Fits a tiny model twice, as two named and tagged runs of two epochs each. */
    private static final String RUNS_PROGRAM = """
            import org.backprop.nn.Input;
            import org.backprop.nn.Tensor;
            import org.backprop.nn.layers.Dense;
            import org.backprop.nn.models.FitOptions;
            import org.backprop.nn.models.History;
            import org.backprop.nn.models.Sequential;
            import org.backprop.nn.random.RandomSeed;

            public class Main {
                public static void main(String[] args) {
                    RandomSeed.set(7);
                    Tensor x = Tensor.of(new float[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}});
                    Tensor y = Tensor.of(new float[][] {{0}, {1}, {1}, {0}});
                    for (String name : new String[] {"first", "second"}) {
                        Sequential model = new Sequential(Input.shape(2), new Dense(4, "relu"), new Dense(1, "sigmoid"));
                        model.compile("adam", "binary_crossentropy", "accuracy");
                        History history = model.fit(x, y, FitOptions.epochs(2).verbose(0).runName(name)
                                .tags("baseline", "e2e"));
                        System.out.println(name + ": " + history.epochs() + " epochs");
                    }
                }
            }
            """;
    /** The epochs each of its fits runs. */
    private static final int RUN_EPOCHS = 2;

    @TestHTTPResource("/")
    URL page;

    /** The slice of Fashion-MNIST the course imports: two shards of training data, and a hidden test split. */
    private static final int TRAIN_EXAMPLES = 10_000;
    private static final int TEST_EXAMPLES = 1_000;
    private static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    @Inject
    Fixtures fixtures;

    @Inject
    DatasetService datasets;

    Fixtures.User student;

    long courseId;

    /** The instructor of that course. */
    Fixtures.User instructor;

    /** The assignment opened in the editor: students 0 and 1 form a team, student 2 is in none. */
    Homework homework;

    /** The training labels of the slice, counted per class, as the program should count them. */
    int[] perClass;

    JsonNode seen;

    @BeforeAll
    void driveTheEditor() throws IOException, InterruptedException {
        student = fixtures.account("e2e");
        importFashionMnist();
        publishTinyBase();
        homework = publishHomework();
        seen = BrowserJourney.run("editor.e2e.mjs", page, List.of(student.email(), Fixtures.PASSWORD,
                String.valueOf(homework.assignmentId()), member().email(), loner().email(), RUNS_PROGRAM),
                Duration.ofMinutes(5));
        assertNull(seen.get("failure"), () -> "the page did not behave: " + seen);
    }

    /** A course of three students with a published assignment, students 0 and 1 in one team, made through the API. */
    private Homework publishHomework() {
        return BrowserJourney.againstTheTestServer(page, () -> Homework.publish(fixtures.cohort(3), "2099-12-14T23:59",
                2));
    }

    /** Returns each element's {@code name} field as text. */
    private static List<String> field(JsonNode elements, String name) {
        List<String> values = new ArrayList<>();
        elements.forEach(element -> values.add(element.get(name).asText()));
        return values;
    }

    private Fixtures.User member() {
        return homework.course().students().get(0);
    }

    private Fixtures.User teammate() {
        return homework.course().students().get(1);
    }

    private Fixtures.User loner() {
        return homework.course().students().get(2);
    }

    /** A course that the student takes, with a slice of Fashion-MNIST imported as an instructor would. */
    private void importFashionMnist() throws IOException {
        courseId = fixtures.course("Datasets in the browser");
        instructor = fixtures.account("e2e-instructor");
        fixtures.enrol(courseId, instructor, CourseRole.INSTRUCTOR);
        fixtures.enrol(courseId, student, CourseRole.STUDENT);
        Path folder = Files.createTempDirectory("e2e-fashion-mnist-");
        try {
            FashionMnistSlice.write(folder, TRAIN_EXAMPLES, TEST_EXAMPLES);
            byte[] labels = Files.readAllBytes(folder.resolve("train-labels-idx1-ubyte"));
            perClass = new int[FASHION_CLASSES.size()];
            for (int i = 8; i < labels.length; i++) {
                perClass[labels[i]]++;
            }
            datasets.importFolder(courseId, folder, new ImportSettings(DatasetFormat.IDX, "fashion_mnist", "1.0.0",
                    null, null, null, "test", FASHION_CLASSES), instructor.id());
        } finally {
            TempFolders.deleteQuietly(folder);
        }
    }

    /** The course's pretrained model tiny_base, published over HTTP by its instructor. */
    private void publishTinyBase() {
        BrowserJourney.againstTheTestServer(page, () -> given().auth().oauth2(instructor.token())
                .multiPart("file", "tiny_base.bpm", SavedModels.toBytes(TinyPretrained.model()),
                        "application/octet-stream")
                .multiPart("name", "tiny_base").multiPart("version", "1.0.0")
                .post("/api/courses/" + courseId + "/pretrained").then().statusCode(201));
    }

    @Test
    void loadsAPretrainedModelByNameDownloadingItOnce() {
        float[] expected = TensorInternals.values(TinyPretrained.model().predict(Tensor.of(new float[][] {{1, 2, 3,
                4}})));
        JsonNode first = seen.get("pretrainedFirstRun");
        assertEquals("Finished.", first.get("status").asText(), first::toString);
        String[] printed = first.get("stdout").asText().strip().split(" ");
        assertEquals(String.valueOf(TinyPretrained.PARAMETERS), printed[0], first::toString);
        // WebGPU's float arithmetic may round differently from the CPU's in the last bits.
        assertEquals(expected[0], Float.parseFloat(printed[1]), 1e-4, first::toString);
        assertEquals(expected[1], Float.parseFloat(printed[2]), 1e-4, first::toString);
        assertEquals(1, first.get("modelRequests").asInt(), first::toString);
        JsonNode second = seen.get("pretrainedSecondRun");
        assertEquals(first.get("stdout").asText(), second.get("stdout").asText(), second::toString);
        assertEquals(0, second.get("modelRequests").asInt(), () -> "the second run downloads nothing: " + second);
    }

    @Test
    void asksToSignInBeforeCompilingAndSignsInWithTheForm() {
        assertTrue(seen.get("signInOffered").asBoolean(), seen::toString);
        assertEquals("Sign in to open your courses, compile and run your programs.", seen.get("anonymousRun").asText());
        assertEquals("The email or password is not right.", seen.get("wrongPassword").asText());
        assertEquals(student.name(), seen.get("signedIn").get("account").asText());
        assertTrue(seen.get("signedIn").get("formHidden").asBoolean(), seen::toString);
    }

    @Test
    void listsTheCourseAndItsDatasetsOnceSignedIn() {
        assertTrue(seen.get("signedIn").get("course").asText().endsWith("Datasets in the browser"), seen::toString);
        assertEquals("Datasets: fashion_mnist 1.0.0", seen.get("signedIn").get("datasets").asText());
    }

    @Test
    void loadsADatasetDownloadingItOnceWithProgress() {
        JsonNode run = seen.get("datasetFirstRun");
        assertEquals("Finished.", run.get("status").asText(), run::toString);
        assertEquals(String.join("\n",
                "fashion_mnist 1.0.0 train (10000 images of 28x28x1, 10 classes)",
                "classes: " + FASHION_CLASSES,
                "first label: 9 (Ankle boot)",
                "examples per class: " + Arrays.toString(perClass),
                "The test split of fashion_mnist is hidden: only the grader evaluates on it. Train on train and keep a"
                        + " validation slice with take() and skip().") + "\n", run.get("stdout").asText(), run::toString);
        assertTrue(run.get("shardRequests").asInt() >= 2, () -> "the training split's shards download: " + run);
        JsonNode bar = run.get("progress").get(0);
        assertEquals(1, run.get("progress").size(), run::toString);
        assertTrue(bar.get("visible").asBoolean(), run::toString);
        assertTrue(bar.get("label").asText().startsWith("Downloaded fashion_mnist 1.0.0 (train): "), run::toString);
        assertEquals(bar.get("max").asDouble(), bar.get("value").asDouble(), run::toString);
    }

    @Test
    void loadsItAgainFromTheBrowserWithoutDownloading() {
        String stdout = seen.get("datasetFirstRun").get("stdout").asText();
        for (String again : List.of("datasetSecondRun", "datasetAfterReload")) {
            JsonNode run = seen.get(again);
            assertEquals("Finished.", run.get("status").asText(), () -> again + ": " + run);
            assertEquals(stdout, run.get("stdout").asText(), () -> again + ": " + run);
            assertEquals(0, run.get("shardRequests").asInt(), () -> again + " downloads nothing: " + run);
            assertEquals("[]", run.get("progress").toString(), () -> again + " shows no download: " + run);
        }
    }

    @Test
    void runsTheSampleOnWebGpuAndShowsTheSlideNumbers() {
        JsonNode sample = seen.get("sample");
        assertEquals("Finished.", sample.get("status").asText(), sample::toString);
        assertEquals(SAMPLE_OUTPUT, sample.get("stdout").asText());
        String backend = sample.get("backend").asText();
        assertTrue(backend.startsWith("Running on WebGPU (") && backend.toLowerCase().contains("swiftshader"),
                sample::toString);
    }

    @Test
    void marksACompileErrorAtItsLine() {
        JsonNode error = seen.get("compileError");
        assertEquals("1 compile error: see the marked line.", error.get("status").asText());
        assertEquals("[3]", error.get("markedLines").toString());
        assertTrue(error.get("output").asText().startsWith("Main.java:3:17: error: incompatible types"), error::toString);
    }

    @Test
    void stopsAProgramThatNeverEnds() {
        JsonNode stopped = seen.get("stopped");
        assertEquals("Stopped.", stopped.get("status").asText());
        assertTrue(stopped.get("runEnabled").asBoolean(), "Run is available again");
        assertEquals("[]", seen.get("pageErrors").toString());
    }

    @Test
    void saysThatRunsGoToTheTeamsLogAndSavesEachFitAsItEnds() {
        JsonNode runs = seen.get("teamRuns");
        assertTrue(runs.get("destination").asText().endsWith("Runs are saved to your team's experiment log as each fit"
                + " ends."), runs::toString);
        assertEquals(RUN_EPOCHS, runs.get("liveEpochs").asInt(), () -> "the live charts drew every epoch: " + runs);
        assertEquals("Finished.", runs.get("status").asText(), runs::toString);
        assertEquals("first: 2 epochs\nsecond: 2 epochs\n", runs.get("stdout").asText(), runs::toString);
        // One line per saved run, in the order the fits ended; the last one stays.
        assertEquals("[\"Run saved to your team's experiment log: first.\","
                + "\"Run saved to your team's experiment log: second.\"]", runs.get("runLogLines").toString());
        assertEquals("Run saved to your team's experiment log: second.", runs.get("runLog").asText(), runs::toString);
        assertFalse(runs.get("runLogError").asBoolean(), runs::toString);
        assertEquals(List.of("first", "second"), field(runs.get("saves"), "name"), "sent in the order the fits ended");
        assertEquals(List.of("201", "201"), field(runs.get("saves"), "status"), runs::toString);
        assertTrue(runs.get("screenshot").asText().endsWith(".png"), runs::toString);
    }

    @Test
    void sendsTheHashOfTheSourcesItCompiledWithEachRun() {
        JsonNode runs = seen.get("teamRuns");
        assertEquals(RUNS_PROGRAM, runs.get("compiled").get("source").asText(), "the page compiled the program typed");
        String sha256 = new SourceBundle("Main", Map.of("Main.java", RUNS_PROGRAM)).sha256();
        assertEquals(sha256, runs.get("compiled").get("sourceSha256").asText(), runs::toString);
        for (JsonNode save : runs.get("saves")) {
            assertEquals(sha256, save.get("sourceSha256").asText(), runs::toString);
        }
    }

    @Test
    void aTeammateReadsBothRunsAsRunByTheMemberWithTheirHistories() {
        String path = "/api/assignments/" + homework.assignmentId() + "/runs";
        JsonPath log = Homework.as(teammate()).get(path).then().statusCode(200).extract().jsonPath();
        assertEquals(2, log.getInt("total"), log::prettify);
        assertEquals(List.of("second", "first"), log.getList("items.name"), "newest first");
        String sha256 = new SourceBundle("Main", Map.of("Main.java", RUNS_PROGRAM)).sha256();
        for (int i = 0; i < 2; i++) {
            String item = "items[" + i + "].";
            assertEquals(member().id(), log.getLong(item + "member.accountId"), log::prettify);
            assertEquals(member().name(), log.getString(item + "member.name"), log::prettify);
            assertEquals(List.of("baseline", "e2e"), log.getList(item + "tags"), log::prettify);
            assertEquals("webgpu", log.getString(item + "backend"), log::prettify);
            String runSha256 = log.getString(item + "sourceSha256");
            assertTrue(runSha256.matches("[0-9a-f]{64}"), runSha256);
            assertEquals(sha256, runSha256, "the sources the page compiled");

            JsonPath run = Homework.as(teammate()).get(path + "/" + log.getLong(item + "id")).then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(log.getString(item + "name"), run.getString("record.name"));
            assertEquals("completed", run.getString("record.status.state"), run::prettify);
            assertEquals(RUN_EPOCHS, run.getList("record.history.loss").size(), run::prettify);
            assertEquals(RUN_EPOCHS, run.getList("record.history.accuracy").size(), run::prettify);
        }
    }

    @Test
    void aStudentInNoTeamReadsTheServersRefusalInsteadOfAWorkspace() {
        JsonNode loner = seen.get("loner");
        String refusal = loner.get("refusal").asText();
        assertTrue(refusal.contains("not in a team"), refusal);
        assertEquals(0, loner.get("editors").asInt(), "no editor to write code nobody keeps");
        long assignment = homework.assignmentId();
        long lonerId = loner().id();
        assertEquals(0L, fixtures.inTransaction(() -> ExperimentRun.count("accountId = ?1 and assignmentId = ?2",
                lonerId, assignment)));
        assertEquals(2L, fixtures.inTransaction(() -> ExperimentRun.count("assignmentId", assignment)),
                "only the team's two runs");
        assertEquals("[]", seen.get("pageErrors").toString());
    }

    @Test
    void thePlaygroundKeepsItsProgramAcrossAReload() {
        assertTrue(seen.get("keptAfterReload").asBoolean(), seen::toString);
    }
}
