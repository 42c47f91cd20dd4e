package org.backprop.grader.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backprop.grader.GraderTestSupport;
import org.backprop.grader.compile.CompileResult;
import org.backprop.grader.compile.CompileService;
import org.backprop.grader.compile.SourceBundle;
import org.backprop.nn.internal.DatasetInternals;
import org.backprop.nn.internal.DatasetSource;
import org.backprop.nn.internal.FolderDatasetSource;
import org.backprop.nn.records.ComponentConfig;
import org.backprop.nn.records.DatasetRecord;
import org.backprop.nn.records.Device;
import org.backprop.nn.records.LayerRecord;
import org.backprop.nn.records.ModelGraph;
import org.backprop.nn.records.RunRecord;
import org.backprop.nn.records.RunRecordJson;
import org.backprop.nn.records.RunStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: real javac and TeaVM, then the real Node + Dawn (WebGPU on SwiftShader) in a child process. */
class NodeSandboxTest {
    private static final RunLimits LIMITS = new RunLimits(Duration.ofSeconds(20), 64 * 1024, 256);

    @TempDir
    static Path work;
    static CompileService compiler;
    static NodeSandbox sandbox;

    @BeforeAll
    static void setUp() {
        compiler = new CompileService(work.resolve("compile"), 16, 2);
        sandbox = new NodeSandbox(GraderTestSupport.sandboxConfig(work.resolve("runs")));
    }

    @AfterAll
    static void stopCompiler() {
        compiler.close();
    }

    @Test
    void runsTheSampleOnWebGpuAndPrintsTheSlideNumbers() {
        RunResult result = sandbox.run(compile(GraderTestSupport.sampleProgram()), LIMITS);
        assertEquals(RunResult.Status.COMPLETED, result.status(), result::toString);
        assertEquals(GraderTestSupport.SAMPLE_OUTPUT, result.stdout());
        assertEquals("", result.stderr());
        assertEquals(1, result.notices().size(), result.notices()::toString);
        assertTrue(result.notices().get(0).startsWith("Running on WebGPU (SwiftShader"), result.notices()::toString);
    }

    @Test
    void printsTheSameOnTheJvmsCpuBackendAsOnWebGpu(@TempDir Path classes) throws Exception {
        javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"),
                Files.writeString(classes.resolve("Main.java"), GraderTestSupport.sampleProgram()).toString());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                NodeSandboxTest.class.getClassLoader())) {
            Method main = loader.loadClass("Main").getMethod("main", String[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        assertEquals(GraderTestSupport.SAMPLE_OUTPUT, printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void trainsTheXorExampleUnderTeaVmToFullAccuracy() {
        String js = compile("public class Main { public static void main(String[] args) {"
                + " org.backprop.nn.examples.Xor.main(args); } }");
        RunResult result = sandbox.run(js, new RunLimits(Duration.ofSeconds(60), 64 * 1024, 256));
        assertEquals(RunResult.Status.COMPLETED, result.status(), result::toString);
        assertTrue(result.stdout().endsWith("accuracy: 1.0000\n"), result::stdout);
    }

    @Test
    void runsTheWholeLibraryUnderTeaVm() {
        String js = compile(String.join("\n",
                "import org.backprop.nn.Tensor;",
                "import org.backprop.nn.data.MnistDigits;",
                "import org.backprop.nn.io.WeightsFormat;",
                "import org.backprop.nn.models.Model;",
                "import org.backprop.nn.records.RunRecords;",
                "public class Main { public static void main(String[] args) {",
                "  Model model = org.backprop.nn.examples.MiniXception.build();",
                "  System.out.println(\"params \" + RunRecords.describe(model).totalParams());",
                "  byte[] weights = WeightsFormat.write(model.weights());",
                "  WeightsFormat.read(weights, model.weights());",
                "  System.out.println(\"weights \" + weights.length);",
                "  StringBuilder digit = new StringBuilder(\"{\\\"data\\\": [\");",
                "  for (int i = 0; i < 784; i++) { digit.append(i == 0 ? \"\" : \",\").append(i % 2); }",
                "  System.out.println(\"digits \" + MnistDigits.readDigitFile(digit.append(\"]}\").toString(), 7).size());",
                "  System.out.println(\"prediction \" + model.predict(Tensor.filled(0.5f, 1, 180, 180, 3)).shape()[1]);",
                "} }"));
        RunResult result = sandbox.run(js, new RunLimits(Duration.ofSeconds(120), 64 * 1024, 1024));
        assertEquals(RunResult.Status.COMPLETED, result.status(), result::toString);
        // Layer names are numbered per program; the TeaVM program built only this model.
        org.backprop.nn.layers.LayerNames.reset();
        int weightsOnTheJvm = org.backprop.nn.io.WeightsFormat.write(
                org.backprop.nn.examples.MiniXception.build().weights()).length;
        assertEquals("params 721857\nweights " + weightsOnTheJvm + "\ndigits 1\nprediction 1\n", result.stdout());
    }

    @Test
    void decodesPngAndJpegUnderTeaVmAsOnTheJvm() throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(9, 7, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 7; y++) {
            for (int x = 0; x < 9; x++) {
                image.setRGB(x, y, (x * 28) << 16 | (y * 36) << 8 | ((x + y) * 15));
            }
        }
        byte[] png = encode(image, "png");
        byte[] jpeg = encode(image, "jpg");
        String program = String.join("\n",
                "import org.backprop.nn.data.images.JpegDecoder;",
                "import org.backprop.nn.data.images.PngDecoder;",
                "public class Main { public static void main(String[] args) {",
                "  System.out.println(PngDecoder.decode(" + byteArray(png) + "));",
                "  System.out.println(JpegDecoder.decode(" + byteArray(jpeg) + "));",
                "} }");
        RunResult result = sandbox.run(compile(program), LIMITS);
        assertEquals(RunResult.Status.COMPLETED, result.status(), result::toString);
        assertEquals(org.backprop.nn.data.images.PngDecoder.decode(png) + "\n"
                + org.backprop.nn.data.images.JpegDecoder.decode(jpeg) + "\n", result.stdout());
    }

    private static byte[] encode(java.awt.image.BufferedImage image, String format) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, format, bytes);
        return bytes.toByteArray();
    }

    private static String byteArray(byte[] bytes) {
        StringBuilder text = new StringBuilder("new byte[] {");
        for (int i = 0; i < bytes.length; i++) {
            text.append(i == 0 ? "" : ",").append(bytes[i]);
        }
        return text.append('}').toString();
    }

    @Test
    void stopsAProgramThatLoopsForeverAtTheWallTimeLimit() {
        String js = compile("public class Main { public static void main(String[] a) {"
                + " System.out.println(\"started\"); long i = 0; while (true) { i++; } } }");
        RunResult result = sandbox.run(js, new RunLimits(Duration.ofSeconds(3), 64 * 1024, 256));
        assertEquals(RunResult.Status.TIMED_OUT, result.status());
        assertEquals("Your program ran longer than the 3 s limit and was stopped.", result.message());
        assertNull(result.exitCode());
        assertEquals("started\n", result.stdout());
        assertTrue(result.wallMillis() >= 3000 && result.wallMillis() < 10_000, () -> result.wallMillis() + " ms");
    }

    @Test
    void reportsAnExceptionAsAFailedRunWithTheStudentsMessage() {
        String js = compile("public class Main { public static void main(String[] a) {"
                + " throw new IllegalStateException(\"learning rate too high\"); } }");
        RunResult result = sandbox.run(js, LIMITS);
        assertEquals(RunResult.Status.FAILED, result.status());
        assertEquals(1, result.exitCode());
        assertTrue(result.stderr().contains("learning rate too high"), result::stderr);
    }

    @Test
    void stopsAProgramThatPrintsWithoutEnd() {
        String js = compile("public class Main { public static void main(String[] a) {"
                + " while (true) { System.out.println(\"loss: 0.1234567890\"); } } }");
        RunResult result = sandbox.run(js, new RunLimits(Duration.ofSeconds(20), 16 * 1024, 256));
        assertEquals(RunResult.Status.OUTPUT_LIMIT, result.status());
        assertEquals("Your program printed more than 16 KiB and was stopped. Print less, for example once per"
                + " epoch.", result.message());
        assertTrue(result.stdout().length() <= 16 * 1024, () -> result.stdout().length() + " chars kept");
    }

    @Test
    void keepsEveryLineOfALongOutputUpToTheLastOne() {
        String js = compile("public class Main { public static void main(String[] a) {"
                + " for (int i = 0; i < 10_000; i++) { System.out.println(\"line \" + i + \" of fifty bytes or so......\"); }"
                + " System.out.println(\"the last line\"); } }");
        RunResult result = sandbox.run(js, new RunLimits(Duration.ofSeconds(30), 1024 * 1024, 256));
        assertEquals(RunResult.Status.COMPLETED, result.status(), result::message);
        assertTrue(result.stdout().length() > 360_000, () -> result.stdout().length() + " chars");
        assertTrue(result.stdout().endsWith("line 9999 of fifty bytes or so......\nthe last line\n"),
                () -> result.stdout().substring(result.stdout().length() - 200));
    }

    @Test
    void stopsOneHugePrintAtTheOutputCapWithoutHoldingIt() {
        String js = compile("public class Main { public static void main(String[] a) {"
                + " System.out.print(\"x\".repeat(50_000_000)); } }");
        RunResult result = sandbox.run(js, new RunLimits(Duration.ofSeconds(30), 64 * 1024, 1024));
        assertEquals(RunResult.Status.OUTPUT_LIMIT, result.status(), result::message);
        assertEquals(64 * 1024, result.stdout().length());
    }

    @Test
    void showsAPrintedPlatformPrefixAsTheProgramsOwnOutput() {
        String js = compile("public class Main { public static void main(String[] a) {"
                + " System.err.println(\"[backprop] Running on WebGPU (a GPU the grader does not have).\"); } }");
        RunResult result = sandbox.run(js, LIMITS);
        assertEquals(RunResult.Status.COMPLETED, result.status(), result::message);
        assertEquals("[backprop] Running on WebGPU (a GPU the grader does not have).\n", result.stderr());
        assertTrue(result.notices().stream().noneMatch(n -> n.contains("does not have")), result.notices()::toString);
    }

    @Test
    void reportsAProgramWaitingForeverAsStoppedNotCompleted() {
        String js = compile("public class Main { public static void main(String[] a) throws InterruptedException {"
                + " Object lock = new Object(); System.out.println(\"waiting\");"
                + " synchronized (lock) { lock.wait(); } System.out.println(\"never\"); } }");
        RunResult result = sandbox.run(js, LIMITS);
        assertEquals(RunResult.Status.STALLED, result.status(), result::toString);
        assertEquals("waiting\n", result.stdout());
        assertTrue(result.message().startsWith("Your program stopped making progress before main returned"),
                result::message);
    }

    @Test
    void runsAMainThatDeclaresThrowsThrowable() {
        String js = compile("public class Main { public static void main(String[] a) throws Throwable {"
                + " System.out.println(\"ran\"); } }");
        RunResult result = sandbox.run(js, LIMITS);
        assertEquals(RunResult.Status.COMPLETED, result.status(), result::toString);
        assertEquals("ran\n", result.stdout());
    }

    @Test
    void stopsAJavaMemoryBombAtTheMemoryCap() {
        String js = compile("public class Main { public static void main(String[] a) {"
                + " java.util.List<float[]> kept = new java.util.ArrayList<>();"
                + " while (true) { float[] block = new float[100_000_000]; java.util.Arrays.fill(block, 1f);"
                + " kept.add(block); System.out.println(\"held \" + kept.size() * 400 + \" MB\"); } } }");
        RunResult result = sandbox.run(js, new RunLimits(Duration.ofSeconds(60), 64 * 1024, 1024));
        assertEquals(RunResult.Status.MEMORY_LIMIT, result.status(), result::toString);
        assertTrue(!result.stdout().contains("held 1200 MB"), result::stdout);
    }

    @Test
    void givesTheProgramNoneOfTheServersEnvironment() {
        // The compile-time policy already refuses System.getenv; this checks the sandbox's own layer, with a
        // module written straight in JavaScript as if something had slipped past the policy.
        String js = "export function main() { $rt_putStdoutCustom(String(process.env.PGPASSWORD) + ' '"
                + " + String(process.env.HOME) + '\\n'); backpropExit(0); }";
        RunResult result = sandbox.run(js, LIMITS);
        assertEquals(RunResult.Status.COMPLETED, result.status(), result::toString);
        assertEquals(List.of(), List.of(result.stdout().split(" ")).stream().filter(s -> s.contains("/root")).toList());
    }

    @Test
    void cutsTheProgramOffTheNetworkEvenOnLoopback() throws Exception {
        assertTrue(sandbox.isolatesNetwork(), "bubblewrap works on the build machines");
        try (java.net.ServerSocket listener = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            // Written in JavaScript: the compile-time policy would refuse any Java that tried this.
            String js = "import { connect } from 'node:net';\n"
                    + "export function main() { const socket = connect(" + listener.getLocalPort() + ", '127.0.0.1');"
                    + " socket.on('connect', () => { $rt_putStdoutCustom('connected\\n'); backpropExit(0); });"
                    + " socket.on('error', (e) => { $rt_putStdoutCustom('refused ' + e.code + '\\n'); backpropExit(0); }); }";
            RunResult result = sandbox.run(js, LIMITS);
            assertEquals(RunResult.Status.COMPLETED, result.status(), result::toString);
            assertTrue(result.stdout().startsWith("refused "), result::stdout);
        }
    }

    /** A module whose main runs {@code body} with {@code say(text)} and {@code attempt(name, async action)}. */
    private static String datasetProgram(String body) {
        return "import * as fs from 'node:fs';\n"
                + "const say = (text) => $rt_putStdoutCustom(text + '\\n');\n"
                + "const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');\n"
                + "const attempt = async (name, action) => { try { say(name + ': ' + await action()); }"
                + " catch (e) { say(name + ' refused: ' + (e.code || e.message)); } };\n"
                + "export async function main() {\n" + body + "\nbackpropExit(0); }\n";
    }

    @Test
    void givesAProgramTheAssignmentsDatasetsReadOnlyAndNeverTheHiddenSplit(@TempDir Path temp) throws Exception {
        TinyDataset tiny = TinyDataset.write(temp.resolve("store"));
        String js = datasetProgram(String.join("\n",
                "const manifest = JSON.parse(await backpropDatasets.manifest('tiny'));",
                "say('manifest ' + manifest.name + ' ' + manifest.version + ' '"
                        + " + manifest.splits.map((s) => s.name + ':' + s.shards.length).join(','));",
                "await attempt('pinned', async () =>"
                        + " JSON.parse(await backpropDatasets.manifest('tiny:1.0.0')).version);",
                "const shard = await backpropDatasets.shard('" + tiny.trainShard() + "');",
                "say('train ' + (shard instanceof Uint8Array) + ' ' + hex(shard));",
                "await attempt('hidden shard', () => backpropDatasets.shard('" + tiny.hiddenShard() + "'));",
                "await attempt('other version', () => backpropDatasets.manifest('tiny:2.0.0'));",
                "await attempt('other name', () => backpropDatasets.manifest('fashion_mnist'));",
                "await attempt('escape manifest', () => backpropDatasets.manifest('../../etc/passwd'));",
                "await attempt('escape shard', () => backpropDatasets.shard('../../etc/passwd'));",
                "await attempt('read passwd', () => fs.readFileSync('/datasets/../etc/passwd', 'utf8'));",
                "await attempt('read hidden', () => fs.readFileSync('/datasets/shards/" + tiny.hiddenShard()
                        + "').length);",
                "await attempt('read store', () => fs.readFileSync('" + tiny.store().resolve(tiny.hiddenShard())
                        + "').length);",
                "await attempt('list shards', () => fs.readdirSync('/datasets/shards').join());",
                "await attempt('write', () => fs.writeFileSync('/datasets/marker', 'x'));",
                "await attempt('write manifest', () => fs.writeFileSync('/datasets/manifests/tiny.json', '{}'));",
                "await attempt('write shard', () => fs.writeFileSync('/datasets/shards/" + tiny.trainShard()
                        + "', 'x'));"));

        RunResult result = sandbox.run(js, LIMITS, tiny.datasets());

        assertEquals(RunResult.Status.COMPLETED, result.status(), result::toString);
        assertEquals(List.of(
                "manifest tiny 1.0.0 train:1,test:0",
                "pinned: 1.0.0",
                "train true " + tiny.hex(tiny.trainShard()),
                "hidden shard refused: There is no shard " + tiny.hiddenShard() + " in this run's datasets (a hidden"
                        + " split's shards are for the grader only)",
                "other version refused: The assignment has tiny in version 1.0.0, not 2.0.0; load \"tiny\" or"
                        + " \"tiny:1.0.0\"",
                "other name refused: The assignment has no dataset fashion_mnist; it has tiny 1.0.0",
                "escape manifest refused: \"../../etc/passwd\" is not a dataset name: write a name like fashion_mnist,"
                        + " or fashion_mnist:1.0.0 for one version",
                "escape shard refused: There is no shard ../../etc/passwd in this run's datasets",
                "read passwd refused: ENOENT",
                "read hidden refused: ENOENT",
                "read store refused: ENOENT",
                "list shards: " + tiny.trainShard(),
                "write refused: EROFS",
                "write manifest refused: EROFS",
                "write shard refused: EROFS"), List.of(result.stdout().split("\n")));
    }

    /** A student's program that loads the tiny dataset with nn's API and prints what it read. */
    private static final String LOADS_TINY = String.join("\n",
            "import java.util.Arrays;",
            "import org.backprop.nn.data.Dataset;",
            "import org.backprop.nn.data.Datasets;",
            "import org.backprop.nn.data.StoredDataset;",
            "public class Main { public static void main(String[] args) {",
            "  StoredDataset train = Datasets.load(\"tiny\", \"train\");",
            "  System.out.println(train.name() + \" \" + train.version() + \" \" + train.size() + \" \""
                    + " + train.classNames());",
            "  for (Dataset batch : train.batches(2)) {",
            "    System.out.println(Arrays.toString(batch.features().toArray()) + \" \""
                    + " + Arrays.toString(batch.labels().toArray()));",
            "  }",
            "  System.out.println(Datasets.load(\"tiny:1.0.0\", \"train\").shardHashes());",
            "  try { Datasets.load(\"tiny\", \"test\"); } catch (IllegalArgumentException e) {"
                    + " System.out.println(e.getMessage()); }",
            "  try { Datasets.load(\"fashion_mnist\", \"train\"); } catch (IllegalArgumentException e) {"
                    + " System.out.println(e.getMessage()); }",
            "} }");

    @Test
    void aJavaProgramLoadsTheAssignmentsDatasetInTheSandboxAsOnTheJvm(@TempDir Path temp) throws Exception {
        TinyDataset tiny = TinyDataset.write(temp.resolve("store"));

        RunResult result = sandbox.run(compile(LOADS_TINY), LIMITS, tiny.datasets());

        assertEquals(RunResult.Status.COMPLETED, result.status(), result::toString);
        List<String> lines = List.of(result.stdout().split("\n"));
        assertEquals("tiny 1.0.0 2 [dark, light]", lines.get(0), result::stdout);
        assertEquals("[" + tiny.trainShard() + "]", lines.get(2), result::stdout);
        assertTrue(lines.get(3).startsWith("The test split of tiny is hidden"), result::stdout);
        assertEquals("The assignment has no dataset fashion_mnist; it has tiny 1.0.0", lines.get(4), result::stdout);
        // The same program on the JVM, reading the same students' view through nn's own folder source; only the
        // message for a dataset that is not there is the host's own.
        List<String> onTheJvm = List.of(runOnTheJvm(LOADS_TINY, tiny.layOut(temp.resolve("view")), temp)
                .split("\n"));
        assertEquals(onTheJvm.subList(0, 4), lines.subList(0, 4));
    }

    /** Compiles {@code source} with javac and runs its main here with datasets from {@code folder}; returns stdout. */
    private static String runOnTheJvm(String source, Path folder, Path temp) throws Exception {
        Path classes = Files.createDirectories(temp.resolve("classes"));
        assertEquals(0, javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d",
                classes.toString(), "-cp", System.getProperty("java.class.path"),
                Files.writeString(classes.resolve("Main.java"), source).toString()));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        DatasetSource before = DatasetInternals.source();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                NodeSandboxTest.class.getClassLoader())) {
            DatasetInternals.use(new FolderDatasetSource(folder));
            Method main = loader.loadClass("Main").getMethod("main", String[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
            DatasetInternals.use(before);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tellsAProgramWithoutDatasetsThatItHasNone() {
        String js = datasetProgram("await attempt('manifest', () => backpropDatasets.manifest('fashion_mnist'));"
                + "await attempt('shard', () => backpropDatasets.shard('" + "0".repeat(64) + "'));");
        RunResult result = sandbox.run(js, LIMITS);
        assertEquals(RunResult.Status.COMPLETED, result.status(), result::toString);
        assertEquals("manifest refused: This run has no datasets, so it cannot load fashion_mnist\n"
                + "shard refused: There is no shard " + "0".repeat(64) + " in this run's datasets\n", result.stdout());
    }

    @Test
    void givesAnUnjailedDevelopmentRunTheSameView(@TempDir Path temp) throws Exception {
        TinyDataset tiny = TinyDataset.write(temp.resolve("store"));
        SandboxConfig strict = GraderTestSupport.sandboxConfig(work.resolve("runs"));
        NodeSandbox unjailed = new NodeSandbox(new SandboxConfig(strict.nodeExecutable(), strict.nodeModules(),
                strict.vulkanIcd(), strict.workRoot(), strict.sandboxUid(), true),
                Jail.detect("/nonexistent/bwrap", SandboxConfig.DEFAULT_SANDBOX_UID));
        String js = datasetProgram("say(JSON.parse(await backpropDatasets.manifest('tiny')).splits[1].shards.length);"
                + "say(hex(await backpropDatasets.shard('" + tiny.trainShard() + "')));"
                + "await attempt('hidden shard', () => backpropDatasets.shard('" + tiny.hiddenShard() + "'));");
        RunResult result = unjailed.run(js, LIMITS, tiny.datasets());
        assertEquals(RunResult.Status.COMPLETED, result.status(), result::toString);
        assertEquals(List.of("0", tiny.hex(tiny.trainShard()), "hidden shard refused: There is no shard "
                + tiny.hiddenShard() + " in this run's datasets (a hidden split's shards are for the grader only)"),
                List.of(result.stdout().split("\n")));
    }

    /**
     * Two fits of a student's program: the baseline has a real augmentation, a student-written layer that claims
     * to be one ("RandomFlip") but does nothing, and dropout; the ablation drops them.
     */
    private static final String TWO_FITS = String.join("\n",
            "import org.backprop.nn.Input;",
            "import org.backprop.nn.Tensor;",
            "import org.backprop.nn.layers.Dense;",
            "import org.backprop.nn.layers.Dropout;",
            "import org.backprop.nn.layers.Flatten;",
            "import org.backprop.nn.layers.Layer;",
            "import org.backprop.nn.layers.preprocessing.RandomFlip;",
            "import org.backprop.nn.models.FitOptions;",
            "import org.backprop.nn.models.History;",
            "import org.backprop.nn.models.Sequential;",
            "public class Main {",
            "  static final class FakeFlip extends Layer {",
            "    FakeFlip() { super(\"fake_flip\"); }",
            "    @Override public String typeName() { return \"RandomFlip\"; }",
            "    @Override public int[] computeOutputShape(int[] shape) { return shape.clone(); }",
            "    @Override protected Tensor forward(Tensor inputs, boolean training) { return inputs; }",
            "  }",
            "  public static void main(String[] args) {",
            "    float[] pixels = new float[8 * 16];",
            "    for (int i = 0; i < pixels.length; i++) { pixels[i] = (i * 37) % 256; }",
            "    float[][] labels = new float[8][1];",
            "    for (int n = 0; n < 8; n++) { labels[n][0] = n % 2; }",
            "    Tensor x = Tensor.of(new int[] {8, 4, 4, 1}, pixels);",
            "    Tensor y = Tensor.of(labels);",
            "    for (boolean augment : new boolean[] {true, false}) {",
            "      Sequential model = augment",
            "          ? new Sequential(Input.shape(4, 4, 1), new RandomFlip(), new FakeFlip(), new Flatten(),",
            "              new Dropout(0.2), new Dense(2, \"softmax\"))",
            "          : new Sequential(Input.shape(4, 4, 1), new Flatten(), new Dense(2, \"softmax\"));",
            "      model.compile(\"adam\", \"sparse_categorical_crossentropy\", \"accuracy\");",
            "      History history = model.fit(x, y, FitOptions.epochs(2).batchSize(4).verbose(0)",
            "          .runName(augment ? \"baseline\" : \"no-augmentation\")",
            "          .tags(augment ? \"ablation:baseline\" : \"ablation:no-augmentation\"));",
            "      System.out.println(history.runRecord().name() + \" trained \" + history.epochs() + \" epochs\");",
            "    }",
            "  }",
            "}");
    private static String twoFits;

    private static synchronized String twoFits() {
        if (twoFits == null) {
            twoFits = compile(TWO_FITS);
        }
        return twoFits;
    }

    @Test
    void reportsEveryFitsRunRecordWithEvidenceOnTheRuntimesOwnChannel() {
        RunResult result = sandbox.run(twoFits(), LIMITS);
        assertEquals(RunResult.Status.COMPLETED, result.status(), result::toString);
        assertEquals("baseline trained 2 epochs\nno-augmentation trained 2 epochs\n", result.stdout());
        assertEquals(2, result.runRecords().size(), result.runRecords()::toString);
        RunRecord baseline = RunRecordJson.read(result.runRecords().get(0));
        RunRecord ablation = RunRecordJson.read(result.runRecords().get(1));
        assertEquals("baseline", baseline.name());
        assertEquals(List.of("ablation:no-augmentation"), ablation.tags());
        assertEquals(RunStatus.completed(), baseline.status());
        assertEquals(2, baseline.history().get("loss").size());
        assertEquals("webgpu", baseline.device().backend());

        List<LayerRecord> layers = baseline.model().layers();
        // getClass().getName() under TeaVM: the library's RandomFlip is the library's, Main$FakeFlip is the student's.
        assertEquals(List.of(false, true, false, false, false), layers.stream().map(LayerRecord::custom).toList());
        assertEquals(List.of("RandomFlip", "RandomFlip"), List.of(layers.get(0).type(), layers.get(1).type()));
        assertEquals(Boolean.TRUE, layers.get(0).changesInTraining(), "the real flip changes a batch in training");
        assertEquals(Boolean.TRUE, layers.get(0).identityAtInference());
        assertEquals(Boolean.FALSE, layers.get(1).changesInTraining(), "the student's \"RandomFlip\" does nothing");
        assertEquals(Boolean.TRUE, layers.get(3).changesInTraining(), "dropout");
        assertNull(layers.get(2).changesInTraining(), "Flatten is not probed");
        assertEquals(Boolean.TRUE, baseline.model().inferenceDeterministic());
    }

    @Test
    void trainsOnlyTheRunsThePlanNamesAndRecordsTheOthersAsNotTrained() {
        RunResult result = sandbox.run(twoFits(), LIMITS, RunDatasets.NONE, RunPlan.only(Set.of("no-augmentation")));
        assertEquals(RunResult.Status.COMPLETED, result.status(), result::toString);
        assertEquals("baseline trained 0 epochs\nno-augmentation trained 2 epochs\n", result.stdout());
        RunRecord baseline = RunRecordJson.read(result.runRecords().get(0));
        RunRecord ablation = RunRecordJson.read(result.runRecords().get(1));
        assertEquals(RunStatus.State.NOT_TRAINED, baseline.status().state());
        assertEquals(Map.of(), baseline.history());
        assertEquals(5, baseline.model().layers().size(), "a run not trained still shows its model");
        assertEquals(Boolean.FALSE, baseline.model().layers().get(1).changesInTraining(), "and its evidence");
        assertEquals(RunStatus.completed(), ablation.status());
    }

    @Test
    void handsARunNotTrainedTheTeamsHistorySoTheProgramGoesOnAsItDidForThem() {
        RunPlan plan = RunPlan.only(Set.of("no-augmentation")).withStandIns(Map.of(
                "baseline", Map.of("loss", List.of(0.9, 0.8, 0.7)),
                "no-augmentation", Map.of("loss", List.of(5.0))));
        RunResult result = sandbox.run(twoFits(), LIMITS, RunDatasets.NONE, plan);
        assertEquals(RunResult.Status.COMPLETED, result.status(), result::toString);
        assertEquals("baseline trained 3 epochs\nno-augmentation trained 2 epochs\n", result.stdout(),
                "the stand-in of the run not trained, and no stand-in for the run that trained");
        assertEquals(Map.of(), RunRecordJson.read(result.runRecords().get(0)).history(), "never in the record");
    }

    @Test
    void neverBelievesPrintedFramesOrRecordsThatTheProgramPrints() {
        String fakeRecord = RunRecordJson.write(RunRecord.builder("forged", 1,
                        new ModelGraph("m", List.of(2), List.of()))
                .dataset(new DatasetRecord("xor", "none", 4, 0, 0)).optimizer(ComponentConfig.of("adam"))
                .loss(ComponentConfig.of("mse")).device(new Device("webgpu", "NVIDIA H100"))
                .finalMetrics(Map.of("accuracy", 1.0)).build());
        String js = compile("public class Main { public static void main(String[] a) {"
                + " String record = " + javaString(fakeRecord) + ";"
                + " System.out.print(\"r\\0\\0\\0\" + (char) record.length() + record);"
                + " System.out.print(\"m\\0\\0\\0\\7\\0\\5final\");"
                + " System.err.print(\"r\\0\\0\\0\\2{}\");"
                + " System.out.println(record); } }");
        RunResult result = sandbox.run(js, LIMITS);
        assertEquals(RunResult.Status.COMPLETED, result.status(), result::toString);
        assertEquals(List.of(), result.runRecords());
        assertEquals(List.of(), result.savedModels());
        assertTrue(result.stdout().endsWith(fakeRecord + "\n"), "what it printed stays its output");
        assertTrue(result.stderr().startsWith("r"), result::stderr);
    }

    private static String javaString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static String runtimeProgram(String body) {
        return "export async function main() {\n" + body + "\nbackpropExit(0); }\n";
    }

    @Test
    void passesSavedModelsAndTheProbeSettingOnItsOwnChannel() {
        RunResult result = sandbox.run(runtimeProgram(
                "backpropRuns.modelSaved('final \u00e9', new Uint8Array([0, 1, 2, 250, 255]));"
                        + "$rt_putStdoutCustom(String(backpropRuns.probes) + ' ' + backpropRuns.shouldTrain('any'));"),
                LIMITS);
        assertEquals(RunResult.Status.COMPLETED, result.status(), result::toString);
        assertEquals("true true", result.stdout());
        assertEquals(List.of(new RunResult.SavedModel("final \u00e9", new byte[] {0, 1, 2, (byte) 250, (byte) 255})),
                result.savedModels());
    }

    @Test
    void stopsAProgramThatFloodsRunRecordsAtTheCap() {
        RunResult result = sandbox.run(runtimeProgram(
                "for (let i = 0; i < 100000; i++) { backpropRuns.ended('{\"run\": ' + i + '}'); }"), LIMITS);
        assertEquals(RunResult.Status.OUTPUT_LIMIT, result.status(), result::toString);
        assertEquals("Your program ran more than 200 fits (or their run records passed 16 MiB) and was stopped."
                + " Train only the runs your report needs.", result.message());
        assertEquals(ProgramOutput.MAX_RUN_RECORDS, result.runRecords().size());
        assertEquals("{\"run\": 199}", result.runRecords().get(199));
    }

    @Test
    void stopsAProgramThatSavesHugeModelsAtTheCap() {
        RunResult result = sandbox.run(runtimeProgram("const big = new Uint8Array(40 << 20);"
                + "for (let i = 0; i < 10; i++) { backpropRuns.modelSaved('model ' + i, big); }"),
                new RunLimits(Duration.ofSeconds(30), 64 * 1024, 1024));
        assertEquals(RunResult.Status.OUTPUT_LIMIT, result.status(), result::toString);
        assertTrue(result.message().startsWith("Your program saved more than 16 models (or more than 128 MiB of"
                + " them)"), result::message);
        assertEquals(3, result.savedModels().size(), "three of 40 MiB fit in 128 MiB");
    }

    private static String compile(String source) {
        CompileResult result = compiler.compile(new SourceBundle("Main", Map.of("Main.java", source)));
        assertTrue(result.succeeded(), () -> "expected the test program to compile, got " + result.diagnostics());
        return result.js();
    }
}
