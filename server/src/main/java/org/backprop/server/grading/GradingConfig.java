package org.backprop.server.grading;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.backprop.grader.worker.wire.RunLimitsView;

/** Settings of the grading queue and of the server's own worker, under {@code backprop.grading}. */
@ConfigMapping(prefix = "backprop.grading")
public interface GradingConfig {
    /** How long a lease lasts without a heartbeat; after that the job may be leased again. */
    Duration leaseDuration();

    /** How many leases a job gets before it fails for good (a crashing worker counts too). */
    int maxAttempts();

    /** The server's own worker, for the single-machine default. */
    InProcess inProcess();

    /** The limits a student program runs under, wherever it is graded. */
    Limits limits();

    /** Where the sandbox finds Node and Dawn. */
    Sandbox sandbox();

    /** The server's own worker. */
    interface InProcess {
        /** Whether the server grades jobs itself; turn it off when GPU workers lease over HTTP. */
        boolean enabled();

        /** How many jobs it grades at once. */
        int workers();

        /** How long an idle worker waits before it looks at the queue again. */
        Duration pollInterval();
    }

    /** The limits of one program run. */
    interface Limits {
        Duration wallTime();

        /** Processor time of all the run's threads together; a run on SwiftShader keeps several cores busy. */
        Duration cpuTime();

        int maxOutputBytes();

        /** Memory of everything the run holds: the JavaScript heap, typed arrays, Dawn and the driver. */
        int maxMemoryMegabytes();

        /** Processes and threads together. */
        int maxProcesses();

        /** Returns these limits as the worker API hands them to workers. */
        default RunLimitsView view() {
            return new RunLimitsView(wallTime().toSeconds(), cpuTime().toSeconds(), maxOutputBytes(),
                    maxMemoryMegabytes(), maxProcesses());
        }
    }

    /** The sandbox's tools. */
    interface Sandbox {
        /** The Node executable. */
        String node();

        /** The {@code node_modules} folder that holds the {@code webgpu} package (Dawn). */
        Path nodeModules();

        /** A Vulkan ICD file, e.g. SwiftShader's on machines without a GPU; the system's driver when absent. */
        Optional<Path> vulkanIcd();

        /** Where runs get their scratch folders. */
        Path workDir();

        /** The unprivileged user programs run as when the server runs as root ({@code nobody} by default). */
        int uid();

        /**
         * Whether programs may run without the bubblewrap jail where it does not work. For development machines
         * only: never on a server students use. Off, the grader refuses to run programs and readiness says why.
         */
        boolean allowUnjailed();
    }
}
