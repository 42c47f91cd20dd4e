package org.backprop.server.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The REST API as one account calls it from outside the server's process: JSON, a bearer token, multipart. */
final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String url;
    private final String token;

    private ApiClient(String url, String token) {
        this.url = url;
        this.token = token;
    }

    /** Signs in with the session API, then creates an API token with that session, as the web app's user would. */
    static ApiClient signIn(String url, String email, String password) {
        HttpResponse<String> session = send(HttpRequest.newBuilder(URI.create(url + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("email", email, "password", password)))), 200);
        // The cookie is Secure; the test speaks plain HTTP to localhost, so it sends the cookie itself.
        String cookie = session.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        String csrf = read(session.body()).path("csrfToken").asText();
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(url + "/api/auth/tokens"))
                .header("Content-Type", "application/json").header("Cookie", cookie).header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("name", "restart test")))), 201);
        return new ApiClient(url, read(created.body()).path("token").asText());
    }

    JsonNode get(String path) {
        return read(send(request(path).GET(), 200).body());
    }

    String text(String path) {
        return send(request(path).GET(), 200).body();
    }

    JsonNode postJson(String path, Object body) {
        return read(send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))), 201).body());
    }

    /** Submits {@code main} as the team's {@code Main.java} with a one-line report; returns the submission's id. */
    long submit(long assignment, String main) {
        String boundary = UUID.randomUUID().toString();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "source", "Main.java", "text/plain", main);
        part(body, boundary, "report", "report.md", "text/markdown", "# Results\nNothing yet.\n");
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return read(send(request("/api/assignments/" + assignment + "/submissions")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), 201).body()).path("id").asLong();
    }

    /** Polls {@code read} every 200 ms until {@code done} holds for its answer; fails after {@code patience}. */
    JsonNode await(String what, Duration patience, Supplier<JsonNode> read, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + patience.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = read.get();
            if (done.test(last)) {
                return last;
            }
            ServerProcess.sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("Waited " + patience + " for " + what + "; last seen: " + last);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String file, String type,
            String content) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                + file + "\"\r\nContent-Type: " + type + "\r\n\r\n" + content + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new AssertionError(response.request().method() + " " + response.uri() + " answered "
                        + response.statusCode() + ", not " + expected + ": " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
