package org.backprop.server.compile;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.backprop.grader.compile.CompileService;

/** Makes the grader's compile service a server bean, configured from {@link CompileConfig}. */
public class CompileServiceProducer {

    @Produces
    @Singleton
    CompileService compileService(CompileConfig config) {
        return new CompileService(config.workDir(), config.cacheEntries(), config.maxConcurrent());
    }
}
