package org.backprop.grader.compile.worker;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.backprop.grader.io.CodeLocations;

/**
 * The command line of a compile worker: this JVM's own java executable, the worker's limits as JVM options, and a
 * class path of exactly what compiling needs (grader, nn, web, ASM and TeaVM with the libraries TeaVM's class library
 * translates), found where this JVM loads them from: Quarkus's {@code lib/main}, Maven's repository or the reactor's
 * classes folders. Nothing else of the server's class path reaches the worker.
 */
final class WorkerCommand {
    /** One class of each jar the worker needs: the grader's runtime dependencies. */
    private static final List<String> ANCHORS = List.of(
            CompileWorkerMain.class.getName(),
            "org.backprop.nn.Tensor",
            "org.backprop.web.runtime.ProgramRuntime",
            "org.objectweb.asm.ClassReader",
            "org.teavm.vm.TeaVM",
            "org.teavm.tooling.TeaVMTool",
            "org.teavm.classlib.impl.JCLPlugin",
            "org.teavm.platform.Platform",
            "org.teavm.interop.Address",
            "org.teavm.jso.JSObject",
            "org.teavm.jso.browser.Window",
            "org.teavm.jso.impl.JSOPlugin",
            "org.teavm.metaprogramming.Metaprogramming",
            "org.teavm.metaprogramming.impl.MetaprogrammingImpl",
            "org.teavm.extension.Autoregistered",
            "org.teavm.extension.spi.reflection.ProxyInterfaceConsumer",
            "org.teavm.extension.spi.GlobMatch",
            "org.teavm.asm.ClassReader",
            "org.teavm.asm.tree.ClassNode",
            "org.teavm.asm.tree.analysis.Analyzer",
            "org.teavm.asm.commons.Remapper",
            "org.teavm.asm.util.Printer",
            "org.teavm.hppc.IntArrayList",
            "org.teavm.rhino.classfile.ByteCode",
            "com.jcraft.jzlib.Deflater",
            "org.joda.time.DateTime");

    private WorkerCommand() {
    }

    /** Returns the command that starts a worker with {@code limits} whose only writable folder is {@code scratch}. */
    static List<String> forWorker(WorkerLimits limits, Path scratch) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + limits.heapMegabytes() + "m");
        // Out of memory ends the worker at once (exit code 3) instead of leaving it half-working.
        command.add("-XX:+ExitOnOutOfMemoryError");
        // The JVM's own messages, "Terminating due to java.lang.OutOfMemoryError" among them, default to stdout,
        // which carries the frames.
        command.add("-XX:+DisplayVMOutputToStderr");
        // No hsperfdata file in /tmp: the scratch folder is the only place a worker writes.
        command.add("-XX:-UsePerfData");
        // One compile at a time in a small heap: the serial collector adds no threads competing with the compile.
        command.add("-XX:+UseSerialGC");
        // The JDK's class data archive starts the JVM faster. The JIT stays tiered: C1 alone (TieredStopAtLevel=1)
        // starts a worker in half the time, but warm compiles took 0.57 s instead of 0.36 s (docs/benchmarks.md).
        command.add("-Xshare:auto");
        command.add("-Djava.io.tmpdir=" + scratch);
        command.add("-Dfile.encoding=UTF-8");
        command.add("-cp");
        command.add(classpath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        command.add(CompileWorkerMain.class.getName());
        return command;
    }

    /** Returns the worker's class path, each jar or folder once, in a stable order. */
    static List<Path> classpath() {
        ClassLoader loader = WorkerCommand.class.getClassLoader();
        Set<Path> paths = new LinkedHashSet<>();
        for (String anchor : ANCHORS) {
            paths.add(CodeLocations.of(loader, anchor));
        }
        return List.copyOf(paths);
    }
}
