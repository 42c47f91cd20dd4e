package org.backprop.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerConfigTest {
    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("BACKPROP_SERVER_URL", "https://backprop.example.edu/",
                "BACKPROP_WORKER_TOKEN", "bpw_secret"));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void readsEverySettingUnderTheNamesTheDocumentsGive() {
        WorkerConfig config = WorkerConfig.fromEnvironment(env("BACKPROP_WORKER_SLOTS", "4",
                "BACKPROP_WORKER_CACHE", "/var/cache/shards", "BACKPROP_WORKER_NAME", "gpu-7",
                "BACKPROP_WORKER_GRACE", "90s", "BACKPROP_WORKER_POLL", "500ms",
                "BACKPROP_GRADING_SANDBOX_NODE", "/usr/bin/node",
                "BACKPROP_GRADING_SANDBOX_NODE_MODULES", "/opt/backprop/node_modules",
                "BACKPROP_GRADING_SANDBOX_VULKAN_ICD", "/etc/vulkan/icd.d/nvidia_icd.json",
                "BACKPROP_GRADING_SANDBOX_WORK_DIR", "/scratch/runs", "BACKPROP_GRADING_SANDBOX_UID", "1001",
                "BACKPROP_GRADING_SANDBOX_ALLOW_UNJAILED", "true", "BACKPROP_COMPILE_WORK_DIR", "/scratch/compile"));
        assertEquals("https://backprop.example.edu", config.serverUrl().toString());
        assertEquals("bpw_secret", config.token());
        assertEquals(4, config.slots());
        assertEquals(Path.of("/var/cache/shards"), config.cache());
        assertEquals("gpu-7", config.name());
        assertEquals(Duration.ofSeconds(90), config.grace());
        assertEquals(Duration.ofMillis(500), config.pollInterval());
        assertEquals("/usr/bin/node", config.sandbox().nodeExecutable());
        assertEquals(Path.of("/opt/backprop/node_modules"), config.sandbox().nodeModules());
        assertEquals(Optional.of(Path.of("/etc/vulkan/icd.d/nvidia_icd.json")), config.sandbox().vulkanIcd());
        assertEquals(Path.of("/scratch/runs"), config.sandbox().workRoot());
        assertEquals(1001, config.sandbox().sandboxUid());
        assertEquals(true, config.sandbox().allowUnjailed());
        assertEquals(Path.of("/scratch/compile"), config.compileWorkDir());
    }

    @Test
    void defaultsToTenMinutesOfGraceAndAStrictSandbox() {
        WorkerConfig config = WorkerConfig.fromEnvironment(env());
        assertEquals(Duration.ofMinutes(10), config.grace());
        assertEquals(false, config.sandbox().allowUnjailed());
        assertEquals(65534, config.sandbox().sandboxUid());
        assertEquals(Optional.empty(), config.sandbox().vulkanIcd());
    }

    @Test
    void readsTheTokenFromAFile(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("token"), "bpw_from_file\n");
        Map<String, String> env = env("BACKPROP_WORKER_TOKEN_FILE", file.toString());
        env.remove("BACKPROP_WORKER_TOKEN");
        assertEquals("bpw_from_file", WorkerConfig.fromEnvironment(env).token());
    }

    @Test
    void badSettingsNameTheVariable() {
        Map<String, String> noUrl = env();
        noUrl.remove("BACKPROP_SERVER_URL");
        assertEquals("BACKPROP_SERVER_URL is not set; run with --help for every setting",
                assertThrows(IllegalArgumentException.class, () -> WorkerConfig.fromEnvironment(noUrl)).getMessage());
        assertEquals("BACKPROP_WORKER_SLOTS must be a whole number of 1 or more, got \"0\"",
                assertThrows(IllegalArgumentException.class, () -> WorkerConfig.fromEnvironment(
                        env("BACKPROP_WORKER_SLOTS", "0"))).getMessage());
        assertEquals("BACKPROP_WORKER_GRACE must be a duration such as 10m, 90s or 500ms, got \"soon\"",
                assertThrows(IllegalArgumentException.class, () -> WorkerConfig.fromEnvironment(
                        env("BACKPROP_WORKER_GRACE", "soon"))).getMessage());
        assertEquals("The worker token must start with bpw_; is it a worker token?",
                assertThrows(IllegalArgumentException.class, () -> WorkerConfig.fromEnvironment(
                        env("BACKPROP_WORKER_TOKEN", "eyJhbGciOi"))).getMessage());
        assertEquals("BACKPROP_SERVER_URL must be an http or https URL such as https://backprop.example.edu, got"
                + " \"backprop.example.edu\"", assertThrows(IllegalArgumentException.class,
                        () -> WorkerConfig.fromEnvironment(env("BACKPROP_SERVER_URL", "backprop.example.edu")))
                        .getMessage());
    }
}
