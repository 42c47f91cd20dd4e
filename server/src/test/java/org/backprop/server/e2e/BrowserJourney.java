package org.backprop.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What the web app's journeys share: running a Playwright script of {@code src/test/e2e/} in Node against the
 * test's server and reading the JSON it prints (what the browser saw), and pointing RestAssured at the test's server
 * while a journey sets its data up.
 */
final class BrowserJourney {
    private BrowserJourney() {
    }

    /**
     * Runs {@code node src/test/e2e/<script> <page> <arguments…>} from the repository root and returns the JSON it
     * printed; fails when it does not finish within {@code limit} or exits with an error.
     */
    static JsonNode run(String script, URL page, List<String> arguments, Duration limit)
            throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("backprop.repository-root"));
        List<String> command = new ArrayList<>(List.of("node",
                root.resolve("server/src/test/e2e").resolve(script).toString(), page.toString()));
        command.addAll(arguments);
        Process browser = new ProcessBuilder(command).directory(root.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String report = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(browser.waitFor(limit.toSeconds(), TimeUnit.SECONDS), () -> script + " should finish within "
                + limit);
        assertEquals(0, browser.exitValue(), () -> script + " failed: " + report);
        return new ObjectMapper().readTree(report);
    }

    /**
     * Runs {@code calls} with RestAssured pointed at the test's server: Quarkus does so only around each test, not
     * while a journey's setup makes its data.
     */
    static <T> T againstTheTestServer(URL page, Supplier<T> calls) {
        String baseUri = RestAssured.baseURI;
        int port = RestAssured.port;
        RestAssured.baseURI = page.getProtocol() + "://" + page.getHost();
        RestAssured.port = page.getPort();
        try {
            return calls.get();
        } finally {
            RestAssured.baseURI = baseUri;
            RestAssured.port = port;
        }
    }
}
