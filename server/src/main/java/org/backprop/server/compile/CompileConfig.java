package org.backprop.server.compile;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.time.Duration;

/** Settings of the compile service, under {@code backprop.compile}. */
@ConfigMapping(prefix = "backprop.compile")
public interface CompileConfig {
    /** Where each compile worker process gets its scratch folder, the only place it writes. */
    Path workDir();

    /** How many distinct programs' compile results to keep. */
    int cacheEntries();

    /** How many compiles may run at once, each in a worker process of its own; each uses a core and a few hundred MiB. */
    int maxConcurrent();

    /** The heap of each compile worker process; a compile that needs more is stopped and the worker replaced. */
    MemorySize workerHeap();

    /** The longest one compile may take before it is stopped. */
    Duration wallTime();

    /** The most processor time one compile may use before it is stopped; counts every thread of the worker. */
    Duration cpuTime();

    /**
     * Whether the workers start, and warm up, when the server does; otherwise the first compile starts them. A warm-up
     * costs a few seconds of a core per worker.
     */
    boolean startWorkersAtBoot();

    /** How many programs one account may compile per {@link #rateWindow()}; answers from the cache are free. */
    int ratePerAccount();

    Duration rateWindow();
}
