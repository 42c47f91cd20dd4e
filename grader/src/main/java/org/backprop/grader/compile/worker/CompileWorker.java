package org.backprop.grader.compile.worker;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.backprop.grader.compile.CompileResult;
import org.backprop.grader.compile.HiddenTests;
import org.backprop.grader.compile.SourceBundle;
import org.backprop.grader.io.TempFolders;

/**
 * One compile worker process, its pipes and its scratch folder, seen from the server. Compiles one program at a time
 * under its limits and turns every way a compile can be stopped into a message for the student.
 *
 * <p>Not thread-safe: the pool lends a worker to one request at a time.
 */
final class CompileWorker {
    /** What JVMs exit with under {@code -XX:+ExitOnOutOfMemoryError}. */
    static final int OUT_OF_MEMORY_EXIT_CODE = 3;
    private static final String SIMPLIFY = " Very large constant expressions or deeply nested generic calls can cause"
            + " this; simplify them.";

    private final Process process;
    private final Path scratch;
    private final DataOutputStream requests;
    private final DataInputStream answers;
    private final StreamTail stderr;

    private CompileWorker(Process process, Path scratch) {
        this.process = process;
        this.scratch = scratch;
        this.requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        this.answers = new DataInputStream(new BufferedInputStream(process.getInputStream()));
        this.stderr = new StreamTail("compile-worker-" + process.pid() + "-stderr", process.getErrorStream());
    }

    /**
     * Starts a worker in {@code scratch} and waits until it is warm and ready, at most {@code startTime}.
     *
     * @throws IOException when it could not be started or did not become ready; the message holds its error output
     */
    static CompileWorker start(WorkerLauncher launcher, WorkerLimits limits, Path scratch, Duration startTime,
            Watchdog watchdog) throws IOException {
        Process process = launcher.start(WorkerCommand.forWorker(limits, scratch), scratch);
        CompileWorker worker = new CompileWorker(process, scratch);
        Watchdog.Watch watch = watchdog.watch(process.toHandle(), startTime, null);
        try {
            WorkerProtocol.readReady(worker.answers);
            watch.stop();
            return worker;
        } catch (IOException e) {
            Watchdog.Overrun overrun = watch.stop();
            worker.stop();
            throw new IOException("The compile worker did not start" + (overrun == null ? "" : " within " + startTime)
                    + " (" + e + "); its error output:\n" + worker.errorOutput(), e);
        }
    }

    /**
     * Compiles {@code sources} under {@code limits}.
     *
     * @throws CompileStoppedException when the compile ran past a limit or the worker died; the worker is gone then
     * @throws IllegalStateException when the worker failed on its own side; it must not be used again
     */
    CompileResult compile(SourceBundle sources, HiddenTests tests, WorkerLimits limits, Watchdog watchdog)
            throws CompileStoppedException {
        Watchdog.Watch watch = watchdog.watch(process.toHandle(), limits.wallTime(), limits.cpuTime());
        WorkerProtocol.Answer answer;
        try {
            WorkerProtocol.writeRequest(requests, sources, tests);
            requests.flush();
            answer = WorkerProtocol.readAnswer(answers);
        } catch (IOException e) {
            throw stopped(watch.stop(), limits, e);
        }
        watch.stop();
        if (answer instanceof WorkerProtocol.Failed failed) {
            throw new IllegalStateException("The compile worker failed: " + failed.message());
        }
        return ((WorkerProtocol.Compiled) answer).result();
    }

    private CompileStoppedException stopped(Watchdog.Overrun overrun, WorkerLimits limits, IOException cause) {
        if (overrun == Watchdog.Overrun.WALL_TIME) {
            return new CompileStoppedException("Compiling your program took longer than "
                    + seconds(limits.wallTime()) + " and was stopped." + SIMPLIFY);
        }
        if (overrun == Watchdog.Overrun.CPU_TIME) {
            return new CompileStoppedException("Compiling your program used more than " + seconds(limits.cpuTime())
                    + " of processor time and was stopped." + SIMPLIFY);
        }
        Integer exitCode = exitCode();
        if (exitCode == null) {
            stop();
            throw new IllegalStateException("The compile worker broke off its answer while still running", cause);
        }
        if (exitCode == OUT_OF_MEMORY_EXIT_CODE) {
            return new CompileStoppedException("Compiling your program needed more than " + limits.heapMegabytes()
                    + " MiB of memory and was stopped." + SIMPLIFY);
        }
        System.getLogger(CompileWorker.class.getName()).log(System.Logger.Level.WARNING,
                "Compile worker " + process.pid() + " ended with exit code " + exitCode + " during a compile; its"
                        + " error output:\n" + errorOutput());
        return new CompileStoppedException("The compiler stopped unexpectedly while compiling your program. Try"
                + " again; if it happens again, simplify the program or ask a TA.");
    }

    /** Waits a moment for the process to end and returns its exit code, or null while it still runs. */
    private Integer exitCode() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return (millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0)) + " s";
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    String errorOutput() {
        return stderr.text();
    }

    /** Ends the worker (closing its stdin is enough for a healthy one; a busy one is killed) and removes its folder. */
    void stop() {
        try {
            requests.close();
        } catch (IOException e) {
            // Its stdin is already closed: the process is gone or going.
        }
        try {
            if (!process.waitFor(1, TimeUnit.SECONDS)) {
                Watchdog.killTree(process.toHandle());
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Watchdog.killTree(process.toHandle());
        }
        TempFolders.deleteQuietly(scratch);
    }
}
