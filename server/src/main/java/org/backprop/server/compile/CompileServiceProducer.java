package org.backprop.server.compile;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.backprop.grader.compile.CompileService;
import org.backprop.grader.compile.worker.CompileWorkerPool;
import org.backprop.grader.compile.worker.PlainWorkerLauncher;
import org.backprop.grader.compile.worker.WorkerLimits;

/**
 * Makes the grader's compile service a server bean, configured from {@link CompileConfig}: its worker processes
 * start with the server (unless configured otherwise) and stop with it.
 */
public class CompileServiceProducer {
    private static final long MEBIBYTE = 1024 * 1024;

    @Produces
    @Singleton
    CompileService compileService(CompileConfig config) {
        WorkerLimits limits = new WorkerLimits((int) (config.workerHeap().asLongValue() / MEBIBYTE),
                config.wallTime(), config.cpuTime());
        return new CompileService(new CompileWorkerPool(config.workDir(), config.maxConcurrent(), limits,
                new PlainWorkerLauncher()), config.cacheEntries());
    }

    void startWorkers(@Observes StartupEvent startup, CompileConfig config, CompileService compileService) {
        if (config.startWorkersAtBoot()) {
            compileService.startWorkers();
        }
    }

    void stopWorkers(@Disposes CompileService compileService) {
        compileService.close();
    }
}
