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
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.backprop.server.fixtures.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A student's first minutes, in the real page in headless Chromium with WebGPU on SwiftShader: sign in
 * (compiling needs an account), run the sample, see a compile error marked at its line, stop a program
 * that never ends. The browser is driven
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

    @Inject
    Fixtures fixtures;

    Fixtures.User student;

    JsonNode seen;

    @BeforeAll
    void driveTheEditor() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("backprop.repository-root"));
        student = fixtures.account("e2e");
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

    @Test
    void asksToSignInBeforeCompilingAndSignsInWithTheForm() {
        assertTrue(seen.get("signInOffered").asBoolean(), seen::toString);
        assertEquals("Sign in first: compiling needs an account.", seen.get("anonymousRun").asText());
        assertEquals("The email or password is not right.", seen.get("wrongPassword").asText());
        assertEquals(student.name(), seen.get("signedIn").get("account").asText());
        assertTrue(seen.get("signedIn").get("formHidden").asBoolean(), seen::toString);
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
