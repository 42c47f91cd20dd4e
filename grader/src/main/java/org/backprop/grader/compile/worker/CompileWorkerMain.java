package org.backprop.grader.compile.worker;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.backprop.grader.compile.CompilePipeline;
import org.backprop.grader.compile.CompileResult;
import org.backprop.grader.compile.Diagnostic;
import org.backprop.grader.compile.SourceBundle;

/**
 * The compile worker process: reads compile requests from stdin and answers each on stdout
 * ({@link WorkerProtocol}), one at a time, until stdin closes. Started by {@link CompileWorker}, which limits its
 * memory, time and files; everything javac and TeaVM write goes only under {@code java.io.tmpdir}, the worker's
 * scratch folder.
 */
public final class CompileWorkerMain {
    /** The program the editor opens with, shipped in the web module: a typical student program. */
    private static final String SAMPLE = "/META-INF/resources/samples/Main.java";
    static final String STACK_MESSAGE = "Compiling your program needed more nesting than the compiler can handle"
            + " and was stopped. Very deeply nested expressions or calls can cause this; simplify them.";

    private CompileWorkerMain() {
    }

    public static void main(String[] args) throws IOException {
        // stdout carries the frames: anything else that prints (javac, TeaVM) must go to stderr instead.
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        exitWithParent();

        CompilePipeline pipeline = new CompilePipeline(Path.of(System.getProperty("java.io.tmpdir")));
        warmUp(pipeline);
        WorkerProtocol.writeReady(out);
        out.flush();
        while (true) {
            WorkerProtocol.Request request;
            try {
                request = WorkerProtocol.readRequest(in);
            } catch (EOFException e) {
                return;
            }
            answer(pipeline, request, out);
            out.flush();
        }
    }

    private static void answer(CompilePipeline pipeline, WorkerProtocol.Request request, DataOutputStream out)
            throws IOException {
        CompileResult result;
        try {
            result = request.tests() == null ? pipeline.compile(request.sources())
                    : pipeline.compileTests(request.sources(), request.tests());
        } catch (StackOverflowError e) {
            result = new CompileResult(null, List.of(Diagnostic.error(null, STACK_MESSAGE)));
        } catch (RuntimeException | Error e) {
            e.printStackTrace();
            WorkerProtocol.writeFailure(out, e.toString());
            return;
        }
        WorkerProtocol.writeResult(out, result);
    }

    /**
     * Compiles the editor's sample program once before the first request: it loads and parses the library classes
     * and gets the JIT going, which would otherwise all land on the first student's compile.
     */
    private static void warmUp(CompilePipeline pipeline) {
        try (InputStream sample = CompileWorkerMain.class.getResourceAsStream(SAMPLE)) {
            if (sample != null) {
                pipeline.compile(new SourceBundle("Main",
                        Map.of("Main.java", new String(sample.readAllBytes(), StandardCharsets.UTF_8))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends this process when the server's is gone, even mid-compile, so that no worker outlives its server. */
    private static void exitWithParent() {
        ProcessHandle.current().parent()
                .ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(1)));
    }
}
