package org.backprop.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.backprop.grader.io.TempFolders;
import org.backprop.server.course.CourseRole;
import org.backprop.server.dataset.DatasetFormat;
import org.backprop.server.dataset.DatasetService;
import org.backprop.server.dataset.ImportSettings;
import org.backprop.server.fixtures.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A student's first minutes, in the real page in headless Chromium with WebGPU on SwiftShader: sign in
 * (compiling needs an account), run the sample, see a compile error marked at its line, stop a program
 * that never ends, load a dataset of the course (downloaded once, with progress; then from the browser's Cache API,
 * also after a reload) and be refused its hidden split. The browser is driven
 * by {@code src/test/e2e/editor.e2e.mjs} (Playwright), which reports what it saw as JSON.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditorEndToEndTest {
    private static final String SAMPLE_OUTPUT = String.join("\n",
            "predictions without bias: [[5.3000], [6.2000], [6.8000]]",
            "w = [0.1000, 0.3000, 3.0000], bias 0.5: MAE 1.000",
            "w = [0.1000, 0.3000, 4.0000], bias 0.5: MAE 0.567",
            "w = [0.1000, 0.2000, 2.0000], bias 0.5: MAE 1.767") + "\n";

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

    /** The training labels of the slice, counted per class, as the program should count them. */
    int[] perClass;

    JsonNode seen;

    @BeforeAll
    void driveTheEditor() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("backprop.repository-root"));
        student = fixtures.account("e2e");
        importFashionMnist();
        Process browser = new ProcessBuilder("node", root.resolve("server/src/test/e2e/editor.e2e.mjs").toString(),
                page.toString(), student.email(), Fixtures.PASSWORD)
                .directory(root.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String report = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(browser.waitFor(5, TimeUnit.MINUTES), "the browser script should finish");
        assertEquals(0, browser.exitValue(), () -> "browser script failed: " + report);
        seen = new ObjectMapper().readTree(report);
        assertNull(seen.get("failure"), () -> "the page did not behave: " + seen);
    }

    /** A course that the student takes, with a slice of Fashion-MNIST imported as an instructor would. */
    private void importFashionMnist() throws IOException {
        courseId = fixtures.course("Datasets in the browser");
        Fixtures.User instructor = fixtures.account("e2e-instructor");
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

    @Test
    void asksToSignInBeforeCompilingAndSignsInWithTheForm() {
        assertTrue(seen.get("signInOffered").asBoolean(), seen::toString);
        assertEquals("Sign in first: compiling needs an account.", seen.get("anonymousRun").asText());
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
        assertEquals("1 compile error: see the marked lines.", error.get("status").asText());
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
}
