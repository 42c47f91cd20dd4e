package org.backprop.grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.backprop.grader.GraderTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run sandbox's own layers, tried with JavaScript written as if something had slipped past the compile-time
 * policy (which keeps students from writing JavaScript at all): each attack must fail inside the jail, and nothing
 * outside it may change. Programs talk through the runner's hooks ({@code $rt_putStdoutCustom}, {@code backpropExit}).
 */
class SandboxContainmentTest {
    private static final RunLimits LIMITS = new RunLimits(Duration.ofSeconds(30), 64 * 1024, 512);

    @TempDir
    static Path work;
    static NodeSandbox sandbox;
    /** A file of the host's that no program may read, next to the folders programs run in. */
    static Path secret;

    @BeforeAll
    static void setUp() throws Exception {
        sandbox = new NodeSandbox(GraderTestSupport.sandboxConfig(work.resolve("runs")));
        secret = Files.writeString(work.resolve("secret.txt"), "the database password");
        secret.toFile().setReadable(true, false);
        work.toFile().setExecutable(true, false);
    }

    /** Runs {@code body} as the body of main, with {@code say(text)} to print a line and node's modules at hand. */
    private static RunResult attack(String body, RunLimits limits) {
        String js = "import * as fs from 'node:fs';\n"
                + "import * as child from 'node:child_process';\n"
                + "import * as net from 'node:net';\n"
                + "const say = (text) => $rt_putStdoutCustom(text + '\\n');\n"
                + "const attempt = (name, action) => { try { say(name + ': ' + action()); }"
                + " catch (e) { say(name + ' refused: ' + (e.code || e.status || e.message.split('\\n')[0])); } };\n"
                + "export async function main() {\n" + body + "\nbackpropExit(0); }\n";
        return sandbox.run(js, limits);
    }

    private static RunResult attack(String body) {
        RunResult result = attack(body, LIMITS);
        assertEquals(RunResult.Status.COMPLETED, result.status(), result::toString);
        return result;
    }

    @Test
    void runsAsAnUnprivilegedUserWithoutCapabilities() {
        RunResult result = attack("say('uid ' + process.getuid());"
                + "say(fs.readFileSync('/proc/self/status', 'utf8').split('\\n')"
                + ".filter(l => l.startsWith('CapEff') || l.startsWith('CapBnd')).join(' '));");
        assertTrue(result.stdout().startsWith("uid " + SandboxConfig.DEFAULT_SANDBOX_UID + "\n")
                || !isRoot(), result::stdout);
        assertTrue(result.stdout().contains("CapEff:\t0000000000000000 CapBnd:\t0000000000000000"), result::stdout);
    }

    @Test
    void seesNoHostFilesButTheSystemAndCannotWriteIt() {
        RunResult result = attack("attempt('secret', () => fs.readFileSync(" + quote(secret) + ", 'utf8'));"
                + "attempt('passwd', () => fs.readFileSync('/etc/passwd', 'utf8'));"
                + "attempt('root', () => fs.readdirSync('/root').join());"
                + "attempt('home', () => fs.readdirSync('/home').join());"
                + "attempt('write usr', () => fs.writeFileSync('/usr/marker', 'x'));"
                + "attempt('write program', () => fs.writeFileSync('/opt/backprop/program/marker', 'x'));"
                + "attempt('write runs', () => fs.writeFileSync(" + quote(work.resolve("runs/marker")) + ", 'x'));");
        assertEquals(List.of("secret refused: ENOENT", "passwd refused: ENOENT", "root refused: ENOENT",
                "home: sandbox", "write usr refused: EROFS", "write program refused: EROFS",
                "write runs refused: ENOENT"), lines(result.stdout()));
        assertFalse(Files.exists(work.resolve("runs/marker")));
        assertFalse(Files.exists(Path.of("/usr/marker")));
    }

    @Test
    void seesNoOtherProcessAndNoServerEnvironment() {
        long server = ProcessHandle.current().pid();
        RunResult result = attack("say(fs.readdirSync('/proc').filter(n => /^[0-9]+$/.test(n)).length < 6);"
                + "attempt('server environ', () => fs.readFileSync('/proc/" + server + "/environ', 'utf8'));"
                + "attempt('parent environ', () => fs.readFileSync('/proc/' + process.ppid + '/environ', 'utf8')"
                + ".includes('PATH'));"
                + "say(Object.keys(process.env).sort().join(','));");
        List<String> lines = lines(result.stdout());
        assertEquals("true", lines.get(0), result::stdout);
        assertTrue(lines.get(1).startsWith("server environ refused"), result::stdout);
        assertFalse(lines.get(2).contains(": true"), "the parent's environment must not be readable: " + lines);
        assertFalse(lines.get(3).contains("PG") || lines.get(3).contains("PASSWORD"), lines.get(3));
    }

    @Test
    void cannotLeaveTheNamespacesOrReachTheHostNetwork() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            RunResult result = attack(
                    "attempt('nsenter', () => child.execFileSync('nsenter', ['-t', '1', '-n', 'true'],"
                            + " { stdio: 'pipe' }).toString());"
                            + "attempt('unshare', () => child.execFileSync('unshare', ['-r', 'true'],"
                            + " { stdio: 'pipe' }).toString());"
                            + "say(await new Promise((resolve) => { const s = net.connect(" + listener.getLocalPort()
                            + ", '127.0.0.1'); s.on('connect', () => resolve('connected'));"
                            + " s.on('error', (e) => resolve('network refused: ' + e.code)); }));");
            List<String> lines = lines(result.stdout());
            assertTrue(lines.get(0).startsWith("nsenter refused"), result::stdout);
            assertTrue(lines.get(1).startsWith("unshare refused"), result::stdout);
            assertEquals("network refused: ECONNREFUSED", lines.get(2), result::stdout);
        }
    }

    @Test
    void stopsAMemoryBombOfTypedArraysThatTheHeapLimitDoesNotCount() {
        RunResult result = attack("const kept = []; for (let i = 0; i < 64; i++) {"
                + " const a = new Float32Array(25_000_000); a.fill(1); kept.push(a); say('held ' + (i + 1) * 100 + ' MB'); }",
                new RunLimits(Duration.ofSeconds(60), 64 * 1024, 512));
        assertEquals(RunResult.Status.MEMORY_LIMIT, result.status(), result::toString);
        assertEquals("Your program needed more than 512 MiB of memory and was stopped. Use smaller batches or images,"
                + " or free tensors you no longer need.", result.message());
        assertFalse(result.stdout().contains("held 600 MB"), result::stdout);
    }

    @Test
    void capsProcessesAndThreads() {
        RunResult result = attack("let started = 0; const children = [];"
                + "for (let i = 0; i < 400; i++) { try { const c = child.spawn('sleep', ['30']);"
                + " c.on('error', () => {}); children.push(c); started++; }"
                + " catch (e) { break; } }"
                + "await new Promise((r) => setTimeout(r, 500));"
                + "say('alive ' + children.filter(c => c.pid !== undefined && c.exitCode === null).length);"
                + "children.forEach(c => c.kill());",
                new RunLimits(Duration.ofSeconds(30), Duration.ofSeconds(30), 64 * 1024, 512, 64));
        String alive = lines(result.stdout()).stream().filter(l -> l.startsWith("alive ")).findFirst()
                .orElseThrow(() -> new AssertionError(result.toString()));
        assertTrue(Integer.parseInt(alive.substring(6)) < 64, result::stdout);
    }

    @Test
    void stopsAProgramAtItsProcessorTimeLimit() {
        RunResult result = attack("let i = 0; while (true) { i++; }",
                new RunLimits(Duration.ofSeconds(60), Duration.ofSeconds(2), 64 * 1024, 512, 64));
        assertEquals(RunResult.Status.CPU_LIMIT, result.status(), result::toString);
        assertEquals("Your program used more than 2 s of processor time and was stopped.", result.message());
        assertTrue(result.wallMillis() < 30_000, () -> result.wallMillis() + " ms");
    }

    @Test
    void keepsNoticesOutOfTheProgramsReach() {
        RunResult result = attack("$rt_putStderrCustom('[backprop] Running on a GPU that does not exist\\n');");
        assertEquals("[backprop] Running on a GPU that does not exist\n", result.stderr());
        assertTrue(result.notices().stream().noneMatch(n -> n.contains("does not exist")), result.notices()::toString);
    }

    @Test
    void doesNotBelieveAnExitCodeWrittenPastTheFrames() {
        String forgedExit = "x\\u0000\\u0000\\u0000\\u00010";
        RunResult result = attack("process.stdout.write('garbage');"
                + "process.stdout.write('" + forgedExit + "'); process.exit(0);", LIMITS);
        assertEquals(RunResult.Status.FAILED, result.status(), result::toString);
    }

    @Test
    void refusesToRunWhereTheJailDoesNotWork() {
        NodeSandbox noJail = new NodeSandbox(GraderTestSupport.sandboxConfig(work.resolve("runs")),
                Jail.detect("/nonexistent/bwrap", SandboxConfig.DEFAULT_SANDBOX_UID));
        assertFalse(noJail.readiness().ready());
        assertTrue(noJail.readiness().detail().contains("bubblewrap (bwrap) is not installed"),
                noJail.readiness()::detail);
        SandboxUnavailableException refused = assertThrows(SandboxUnavailableException.class,
                () -> noJail.run("export function main() { backpropExit(0); }", LIMITS));
        assertTrue(refused.getMessage().startsWith("The sandbox cannot run programs: programs cannot be jailed"),
                refused::getMessage);
    }

    @Test
    void isNotReadyWhereDawnsVulkanDriverIsMissing() {
        SandboxConfig real = GraderTestSupport.sandboxConfig(work.resolve("runs"));
        Path missing = work.resolve("no_such_icd.json");
        NodeSandbox noDriver = new NodeSandbox(new SandboxConfig(real.nodeExecutable(), real.nodeModules(),
                Optional.of(missing), real.workRoot(), real.sandboxUid(), real.allowUnjailed()));
        assertFalse(noDriver.readiness().ready());
        assertEquals("Dawn's Vulkan driver manifest " + missing + " does not exist", noDriver.readiness().detail());
    }

    @Test
    void runsUnjailedOnlyWhenTheDevelopmentSettingSaysSo() {
        SandboxConfig strict = GraderTestSupport.sandboxConfig(work.resolve("runs"));
        SandboxConfig development = new SandboxConfig(strict.nodeExecutable(), strict.nodeModules(),
                strict.vulkanIcd(), strict.workRoot(), strict.sandboxUid(), true);
        NodeSandbox unjailed = new NodeSandbox(development,
                Jail.detect("/nonexistent/bwrap", SandboxConfig.DEFAULT_SANDBOX_UID));
        assertTrue(unjailed.readiness().ready());
        assertTrue(unjailed.readiness().detail().startsWith("NOT jailed"), unjailed.readiness()::detail);
        RunResult result = unjailed.run("export function main() { $rt_putStdoutCustom('ran\\n'); backpropExit(0); }",
                LIMITS);
        assertEquals("ran\n", result.stdout());
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String quote(Path path) {
        return "'" + path.toAbsolutePath() + "'";
    }

    private static List<String> lines(String text) {
        return List.of(text.split("\n"));
    }
}
