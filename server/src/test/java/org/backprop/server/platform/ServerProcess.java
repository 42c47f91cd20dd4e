package org.backprop.server.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.backprop.server.database.EmbeddedDatabase;

/**
 * The packaged server ({@code target/quarkus-app}, built by {@code package} before the integration tests run) as an OS
 * process of its own, in the production profile against a database the test started, with the demo course loaded.
 * Its output goes to a log file in {@code home}, which is also its {@code user.home} (blobs and datasets live below).
 */
final class ServerProcess implements AutoCloseable {
    private static final Duration START_PATIENCE = Duration.ofMinutes(6);

    private final Process process;
    private final Path log;
    private final String url;

    private ServerProcess(Process process, Path log, String url) {
        this.process = process;
        this.log = log;
        this.url = url;
    }

    /** Starts the server and waits until it reports ready; {@code name} tells this start's log from others. */
    static ServerProcess start(Path home, EmbeddedDatabase database, int port, String name) {
        Path repository = Path.of(System.getProperty("backprop.repository-root"));
        Path log = home.resolve("server-" + name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx1g", "-Duser.home=" + home, "-Dquarkus.http.port=" + port,
                "-Dbackprop.demo.enabled=true",
                "-Dbackprop.grading.in-process.poll-interval=200ms",
                "-Dbackprop.grading.sandbox.vulkan-icd=/usr/lib/chromium/vk_swiftshader_icd.json",
                "-Dbackprop.compile.work-dir=" + home.resolve("compile"),
                "-Dbackprop.grading.sandbox.work-dir=" + home.resolve("grading"),
                "-jar", System.getProperty("backprop.server-jar")));
        ProcessBuilder builder = new ProcessBuilder(command).directory(repository.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> settings = database.datasourceConfig();
        builder.environment().put("BACKPROP_DB_URL", settings.get("quarkus.datasource.jdbc.url"));
        builder.environment().put("BACKPROP_DB_USER", settings.get("quarkus.datasource.username"));
        builder.environment().put("BACKPROP_DB_PASSWORD", settings.get("quarkus.datasource.password"));
        try {
            ServerProcess server = new ServerProcess(builder.start(), log, "http://localhost:" + port);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns a port nobody listens on now, for both starts of one test. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START_PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The server exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new AssertionError("The server was not ready after " + START_PATIENCE + ":\n" + output());
    }

    /** Signs {@code email} in with the demo's password and returns a client holding an API token of theirs. */
    ApiClient signIn(String email) {
        return ApiClient.signIn(url, email, "backprop-demo");
    }

    /** Returns the server's base URL. */
    String url() {
        return url;
    }

    /** Returns what this start of the server printed so far. */
    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    /**
     * Kills the server and every process it started (compile workers, the sandbox) with SIGKILL, as a crash or the
     * kernel's OOM killer would end its container, and waits until they are gone.
     */
    void kill() {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : all) {
            handle.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
