package org.backprop.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.backprop.grader.worker.WorkerRevokedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shard cache against a real HTTP server in the test JVM that answers as the worker API would, or wrongly. */
class ShardCacheTest {
    private static final byte[] SHARD = "pixels and labels".getBytes(StandardCharsets.UTF_8);
    private static final String SHA256 = sha256(SHARD);

    /** What the server answers for a path: status and body. */
    private final Map<String, Map.Entry<Integer, byte[]>> answers = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private WorkerApi api;

    @TempDir
    Path folder;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            Map.Entry<Integer, byte[]> answer = answers.getOrDefault(exchange.getRequestURI().getPath(),
                    Map.entry(404, "{\"detail\": \"No job this worker holds a lease on reads it.\"}".getBytes(
                            StandardCharsets.UTF_8)));
            String bearer = exchange.getRequestHeaders().getFirst("Authorization");
            if (!"Bearer bpw_test".equals(bearer)) {
                answer = Map.entry(500, ("wrong Authorization: " + bearer).getBytes(StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(answer.getKey(), answer.getValue().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.getValue());
            }
        });
        server.start();
        api = new WorkerApi(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "bpw_test");
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void keepsAVerifiedShardByItsHashAndFetchesItOnce() throws IOException {
        answers.put("/api/worker/shards/" + SHA256, Map.entry(200, SHARD));
        ShardCache cache = new ShardCache(folder, api);
        Path file = cache.shard(SHA256);
        assertEquals(folder.resolve(SHA256.substring(0, 2)).resolve(SHA256), file);
        assertArrayEquals(SHARD, Files.readAllBytes(file));
        assertEquals(file, cache.shard(SHA256));
        assertEquals(1, requests.get(), "requests to the server");
    }

    @Test
    void refusesBytesThatAreNotTheShardAndKeepsNothing() throws IOException {
        answers.put("/api/worker/shards/" + SHA256, Map.entry(200, "tampered".getBytes(StandardCharsets.UTF_8)));
        IOException error = assertThrows(IOException.class, () -> new ShardCache(folder, api).shard(SHA256));
        assertEquals("The server sent shard " + SHA256 + " with the SHA-256 " + sha256("tampered".getBytes(
                StandardCharsets.UTF_8)), error.getMessage());
        try (Stream<Path> files = Files.walk(folder)) {
            assertEquals(List.of(), files.filter(Files::isRegularFile).toList(), "files left in the cache");
        }
    }

    @Test
    void saysWhyAShardCouldNotBeHad() {
        IOException error = assertThrows(IOException.class, () -> new ShardCache(folder, api).shard(SHA256));
        assertTrue(error.getMessage().endsWith("No job this worker holds a lease on reads it."), error.getMessage());
        assertThrows(IOException.class, () -> new ShardCache(folder, api).shard("../../etc/passwd"));
    }

    @Test
    void aRefusedTokenStopsTheWorkerRatherThanTheJob() {
        answers.put("/api/worker/shards/" + SHA256, Map.entry(401, ("{\"detail\": \"This worker token is unknown or"
                + " revoked.\"}").getBytes(StandardCharsets.UTF_8)));
        WorkerRevokedException error = assertThrows(WorkerRevokedException.class,
                () -> new ShardCache(folder, api).shard(SHA256));
        assertEquals("The server refused the worker token (401): This worker token is unknown or revoked.",
                error.getMessage());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
