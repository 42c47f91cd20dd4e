package org.backprop.worker;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.backprop.grader.worker.LeaseEndedException;
import org.backprop.grader.worker.WorkerRevokedException;

/**
 * The server's worker API over HTTP with the worker token as a bearer token: JSON calls, and shard downloads as
 * streams. A refused token (401, 403) becomes {@link WorkerRevokedException}, an ended or unknown lease (409, 404)
 * {@link LeaseEndedException}, and anything else, network errors included, {@link ApiException}: worth trying again.
 * Thread-safe.
 */
final class WorkerApi {
    private static final Duration CALL_TIME = Duration.ofMinutes(1);
    private static final Duration DOWNLOAD_TIME = Duration.ofMinutes(30);

    private final URI server;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // A newer server may say more than this worker knows.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    WorkerApi(URI server, String token) {
        this.server = server;
        this.token = token;
    }

    /** A failure that may pass: the server answered with an unexpected status, or could not be reached. */
    static final class ApiException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ApiException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** An answer: its status and body. */
    record Answer(int status, byte[] body) {
    }

    /** POSTs {@code body} as JSON (none when null) to {@code path}; returns the answer of a 2xx status. */
    Answer post(String path, Object body) {
        HttpRequest.Builder request = request(path, CALL_TIME).header("Content-Type", "application/json");
        try {
            request.POST(body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpResponse<byte[]> response = send(request.build(), HttpResponse.BodyHandlers.ofByteArray(), path);
        requireSuccess(path, response.statusCode(), response.body());
        return new Answer(response.statusCode(), response.body());
    }

    /** Reads a JSON answer as {@code type}. */
    <T> T read(Answer answer, Class<T> type) {
        try {
            return json.readValue(answer.body(), type);
        } catch (IOException e) {
            throw new ApiException("The server's answer is not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** GETs {@code path} as a stream, which the caller closes; fails unless the status is 200. */
    InputStream download(String path) throws IOException {
        HttpResponse<InputStream> response = send(request(path, DOWNLOAD_TIME)
                .setHeader("Accept", "application/octet-stream, application/problem+json").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream(), path);
        if (response.statusCode() != 200) {
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(64 * 1024);
            }
            requireSuccess(path, response.statusCode(), body);
            throw new IOException("GET " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(server + path)).timeout(timeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, String path) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new ApiException("Could not reach the server for " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("Interrupted while calling " + path, e);
        }
    }

    private void requireSuccess(String path, int status, byte[] body) {
        if (status >= 200 && status < 300) {
            return;
        }
        String detail = detail(body);
        switch (status) {
            case 401, 403 -> throw new WorkerRevokedException("The server refused the worker token (" + status + "): "
                    + detail);
            case 404, 409 -> throw new LeaseEndedException(detail);
            default -> throw new ApiException(path + " answered " + status + ": " + detail, null);
        }
    }

    /** Returns the problem+json detail of an error answer, or its start. */
    private String detail(byte[] body) {
        try {
            JsonNode problem = json.readTree(body);
            if (problem != null && problem.hasNonNull("detail")) {
                return problem.get("detail").asText();
            }
        } catch (IOException e) {
            // Not JSON: show the text.
        }
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8).strip();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
