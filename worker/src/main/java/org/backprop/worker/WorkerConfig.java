package org.backprop.worker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.backprop.grader.sandbox.SandboxConfig;

/**
 * The worker's settings, read from environment variables (see {@link #HELP}): where the server is, the worker token,
 * how many jobs at once, where shards are cached, and the sandbox's tools under the names the server reads them by.
 * A bad value fails with a message that names the variable.
 */
record WorkerConfig(URI serverUrl, String token, int slots, Path cache, String name, Duration grace,
        Duration pollInterval, SandboxConfig sandbox, Path compileWorkDir) {

    /** What {@code --help} prints: every variable, its default and what it does. */
    static final String HELP = """
            backprop-worker: leases grading jobs from a Backprop server and grades them on this machine.

            Usage: java -jar backprop-worker.jar [--help]

            Settings, from environment variables:
              BACKPROP_SERVER_URL          The server, e.g. https://backprop.example.edu (required)
              BACKPROP_WORKER_TOKEN        A worker token (bpw_...) made with POST /api/worker-tokens (required,
                                           unless BACKPROP_WORKER_TOKEN_FILE names a file that holds it)
              BACKPROP_WORKER_TOKEN_FILE   A file holding the worker token, e.g. a mounted Secret
              BACKPROP_WORKER_SLOTS        Jobs graded at once (default: the number of NVIDIA GPUs, else 1)
              BACKPROP_WORKER_CACHE        Folder of cached dataset shards, kept by SHA-256
                                           (default: <tmp>/backprop-worker-cache)
              BACKPROP_WORKER_NAME         Label staff see on the jobs this worker holds (default: the host name)
              BACKPROP_WORKER_GRACE        How long jobs may run on after SIGTERM before they go back to the
                                           queue, e.g. 10m, 90s (default 10m)
              BACKPROP_WORKER_POLL         How long an idle slot waits before asking for a job again (default 2s)
              BACKPROP_GRADING_SANDBOX_NODE          The Node executable (default: node)
              BACKPROP_GRADING_SANDBOX_NODE_MODULES  The node_modules folder holding the webgpu package (Dawn)
                                                     (default: ./node_modules)
              BACKPROP_GRADING_SANDBOX_VULKAN_ICD    A Vulkan ICD file, e.g. SwiftShader's on machines without a
                                                     GPU (default: the system's driver)
              BACKPROP_GRADING_SANDBOX_WORK_DIR      Scratch folders of runs (default: <tmp>/backprop-grading)
              BACKPROP_GRADING_SANDBOX_UID           The unprivileged user programs run as when the worker runs as
                                                     root (default 65534, nobody)
              BACKPROP_GRADING_SANDBOX_ALLOW_UNJAILED  true lets programs run without the bubblewrap jail where it
                                                     does not work: development machines only (default false)
              BACKPROP_COMPILE_WORK_DIR    Scratch folders of the compile workers (default: <tmp>/backprop-compile)

            Exit status: 0 after SIGTERM (running jobs finished or given back), 2 for bad settings, 3 when the
            server refuses the token (revoked or unknown).
            """;

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

    /** Returns the settings in {@code env}; fails naming the variable that is missing or wrong. */
    static WorkerConfig fromEnvironment(Map<String, String> env) {
        Function<String, Optional<String>> get = key -> Optional.ofNullable(env.get(key)).map(String::strip)
                .filter(value -> !value.isEmpty());
        URI server = serverUrl(get.apply("BACKPROP_SERVER_URL").orElseThrow(() -> missing("BACKPROP_SERVER_URL")));
        String token = token(get.apply("BACKPROP_WORKER_TOKEN"), get.apply("BACKPROP_WORKER_TOKEN_FILE"));
        int slots = get.apply("BACKPROP_WORKER_SLOTS").map(value -> positive("BACKPROP_WORKER_SLOTS", value))
                .orElseGet(() -> Math.max(1, Gpus.count()));
        String name = get.apply("BACKPROP_WORKER_NAME").orElseGet(WorkerConfig::hostName);
        if (name.length() > 80) {
            throw new IllegalArgumentException("BACKPROP_WORKER_NAME may have at most 80 characters, got "
                    + name.length());
        }
        SandboxConfig sandbox = new SandboxConfig(get.apply("BACKPROP_GRADING_SANDBOX_NODE").orElse("node"),
                Path.of(get.apply("BACKPROP_GRADING_SANDBOX_NODE_MODULES").orElse("node_modules")).toAbsolutePath(),
                get.apply("BACKPROP_GRADING_SANDBOX_VULKAN_ICD").map(Path::of),
                get.apply("BACKPROP_GRADING_SANDBOX_WORK_DIR").map(Path::of).orElse(TMP.resolve("backprop-grading")),
                get.apply("BACKPROP_GRADING_SANDBOX_UID").map(value -> positive("BACKPROP_GRADING_SANDBOX_UID", value))
                        .orElse(SandboxConfig.DEFAULT_SANDBOX_UID),
                get.apply("BACKPROP_GRADING_SANDBOX_ALLOW_UNJAILED").map(value -> bool(
                        "BACKPROP_GRADING_SANDBOX_ALLOW_UNJAILED", value)).orElse(false));
        return new WorkerConfig(server, token, slots,
                get.apply("BACKPROP_WORKER_CACHE").map(Path::of).orElse(TMP.resolve("backprop-worker-cache")),
                name, get.apply("BACKPROP_WORKER_GRACE").map(value -> duration("BACKPROP_WORKER_GRACE", value))
                        .orElse(Duration.ofMinutes(10)),
                get.apply("BACKPROP_WORKER_POLL").map(value -> duration("BACKPROP_WORKER_POLL", value))
                        .orElse(Duration.ofSeconds(2)), sandbox,
                get.apply("BACKPROP_COMPILE_WORK_DIR").map(Path::of).orElse(TMP.resolve("backprop-compile")));
    }

    private static URI serverUrl(String value) {
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("BACKPROP_SERVER_URL must be an http or https URL such as"
                        + " https://backprop.example.edu, got \"" + value + "\"");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("BACKPROP_SERVER_URL is not a URL: " + e.getMessage());
        }
    }

    private static String token(Optional<String> token, Optional<String> file) {
        String value = token.orElseGet(() -> file.map(WorkerConfig::readToken).orElseThrow(() -> new
                IllegalArgumentException("Set BACKPROP_WORKER_TOKEN (or BACKPROP_WORKER_TOKEN_FILE) to a worker token;"
                + " an instructor makes one with POST /api/worker-tokens")));
        if (!value.startsWith("bpw_")) {
            throw new IllegalArgumentException("The worker token must start with bpw_; is it a worker token?");
        }
        return value;
    }

    private static String readToken(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read BACKPROP_WORKER_TOKEN_FILE " + file + ": " + e);
        }
    }

    /** Parses {@code 10m}, {@code 90s}, {@code 500ms}, {@code 2h} or ISO-8601 such as {@code PT10M}. */
    static Duration duration(String variable, String value) {
        Matcher matcher = DURATION.matcher(value.toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(variable + " must be a duration such as 10m, 90s or 500ms, got \""
                    + value + "\"");
        }
    }

    private static int positive(String variable, String value) {
        try {
            int number = Integer.parseInt(value);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Answered below, with the variable's name.
        }
        throw new IllegalArgumentException(variable + " must be a whole number of 1 or more, got \"" + value + "\"");
    }

    private static boolean bool(String variable, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(variable + " must be true or false, got \"" + value + "\"");
        };
    }

    private static IllegalArgumentException missing(String variable) {
        return new IllegalArgumentException(variable + " is not set; run with --help for every setting");
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "worker";
        }
    }
}
