package org.backprop.server.compile;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.backprop.grader.compile.CompileService;
import org.backprop.grader.compile.worker.CompileWorkerPool;
import org.backprop.grader.compile.worker.JailedWorkerLauncher;
import org.backprop.grader.compile.worker.WorkerLimits;
import org.backprop.server.grading.GradingConfig;

/**
 * Makes the grader's compile service a server bean, configured from {@link CompileConfig}: its worker processes
 * start with the server (unless configured otherwise) and stop with it.
 */
public class CompileServiceProducer {
    private static final long MEBIBYTE = 1024 * 1024;

    @Produces
    @Singleton
    CompileService compileService(CompileConfig config, GradingConfig grading) {
        WorkerLimits limits = new WorkerLimits((int) (config.workerHeap().asLongValue() / MEBIBYTE),
                config.wallTime(), config.cpuTime());
        // The compile workers share the run sandbox's jail and unprivileged user.
        return new CompileService(new CompileWorkerPool(config.workDir(), config.maxConcurrent(), limits,
                JailedWorkerLauncher.forThisMachine(grading.sandbox().uid())), config.cacheEntries());
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
