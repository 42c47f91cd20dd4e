package org.backprop.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A body sent without Content-Length (chunked) could only be stopped at the server's backstop, which is sized for
 * dataset archives: outside dataset imports it is refused before it is read.
 */
@QuarkusTest
class UnknownLengthBodyTest {
    @TestHTTPResource("/api/compile")
    URL compile;

    @Test
    void refusesAChunkedJsonBodyWithLengthRequired() throws Exception {
        HttpURLConnection connection = (HttpURLConnection) compile.openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setChunkedStreamingMode(4096);
        connection.setRequestProperty("Content-Type", "application/json");
        try (OutputStream body = connection.getOutputStream()) {
            body.write("{\"mainClass\": \"Main\", \"files\": {}}".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(411, connection.getResponseCode());
        String problem = new String(connection.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(problem.contains("Send the request with a Content-Length header"), problem);
    }
}
