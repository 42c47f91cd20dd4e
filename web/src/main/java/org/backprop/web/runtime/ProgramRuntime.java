package org.backprop.web.runtime;

import org.backprop.nn.backend.DeviceLostException;
import org.backprop.nn.internal.BackendInternals;
import org.backprop.nn.internal.DatasetInternals;
import org.backprop.nn.internal.RunInternals;
import org.backprop.nn.models.TrainingDivergedException;
import org.backprop.web.gpu.WebGpu;
import org.backprop.web.gpu.WebGpuBackend;
import org.teavm.jso.JSBody;

/**
 * Hosts a compiled student program in a Web Worker or in the grader's Node process: installs the
 * WebGPU backend (or says why the CPU backend runs instead), the host's datasets and the host's view of the
 * program's fits ({@link HostRunObserver}), runs {@code main}, reports how it ended.
 *
 * <p>The host sees three channels: {@code System.out} and {@code System.err} (console.log and
 * console.error), runtime notices on console.info, and the exit code through the host's
 * {@code backpropExit} function; and, when the host defines {@code backpropRuns}, each fit's run record.
 */
public final class ProgramRuntime {
    private ProgramRuntime() {
    }

    /** A student's {@code main}, as the generated launcher passes it. */
    @FunctionalInterface
    public interface StudentMain {
        void run() throws Throwable;
    }

    /** Runs {@code main} on the best backend available and reports its exit code to the host. */
    public static void run(StudentMain main) {
        int exitCode = 0;
        try {
            installHost();
            main.run();
        } catch (Throwable failure) {
            // One catch with instanceof: typed catches before Throwable in code TeaVM makes asynchronous have crashed
            // the runtime itself (issue 13's hidden-test runner hit it).
            System.err.println(failureMessage(failure));
            exitCode = 1;
        }
        System.out.flush();
        System.err.flush();
        exit(exitCode);
    }

    /**
     * Runs each of an assignment's hidden tests in order, as the generated test runner passes them, on the best
     * backend available, and reports each outcome to the host through {@link HostTestReporter} (passed; failed
     * with the assertion's message; errored with what was thrown), then exit code 0. The program's own code
     * never reaches the reporter: only this method does.
     */
    public static void runTests(HiddenTest[] tests) {
        int exitCode = 0;
        try {
            installHost();
        } catch (Throwable failure) {
            System.err.println("The tests could not start: " + failure);
            exitCode = 1;
        }
        for (int i = 0; exitCode == 0 && i < tests.length; i++) {
            HostTestReporter.report(tests[i].name(), tests[i].run());
        }
        System.out.flush();
        System.err.flush();
        exit(exitCode);
    }

    private static void installHost() {
        installBackend();
        if (HostDatasetSource.available()) {
            DatasetInternals.use(new HostDatasetSource());
        }
        if (HostRunObserver.available()) {
            RunInternals.observe(new HostRunObserver());
        }
    }

    /** Returns how the program's end reads to the student. */
    private static String failureMessage(Throwable failure) {
        if (failure instanceof TrainingDivergedException) {
            // Its message is written for the student and says what to try; a stack trace would only distract.
            return failure.getMessage();
        }
        if (failure instanceof DeviceLostException lost) {
            // fit words the message itself (with the last epoch); elsewhere only the device's reason is known.
            return lost.runRecord() != null ? lost.getMessage()
                    : "The GPU device was lost: " + lost.getMessage() + "; your program stopped.";
        }
        return "Your program stopped with " + failure;
    }

    private static void installBackend() {
        WebGpu.Opened opened = WebGpu.open();
        if (opened.device() == null) {
            notice("WebGPU is not available: " + opened.unavailableReason() + ". Running on the CPU backend.");
            return;
        }
        BackendInternals.use(new WebGpuBackend(opened.device(), opened.adapterDescription()));
        notice("Running on WebGPU (" + opened.adapterDescription() + ").");
    }

    @JSBody(params = "message", script = "console.info(message);")
    private static native void notice(String message);

    @JSBody(params = "code", script = "if (typeof backpropExit === 'function') { backpropExit(code); }")
    private static native void exit(int code);
}
