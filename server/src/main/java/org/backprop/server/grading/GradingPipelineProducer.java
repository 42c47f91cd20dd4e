package org.backprop.server.grading;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.backprop.grader.compile.CompileService;
import org.backprop.grader.pipeline.GradingPipeline;
import org.backprop.grader.sandbox.NodeSandbox;
import org.backprop.grader.sandbox.SandboxConfig;

/**
 * Makes the grader's sandbox and pipeline server beans: one sandbox, configured from {@link GradingConfig}, that the
 * pipeline runs programs in and the readiness check reports on; the compile service is the one the editor uses; the
 * stage times go to the metrics.
 */
public class GradingPipelineProducer {

    @Produces
    @Singleton
    NodeSandbox sandbox(GradingConfig config) {
        GradingConfig.Sandbox sandbox = config.sandbox();
        return new NodeSandbox(new SandboxConfig(sandbox.node(), sandbox.nodeModules().toAbsolutePath(),
                sandbox.vulkanIcd(), sandbox.workDir(), sandbox.uid(), sandbox.allowUnjailed()));
    }

    @Produces
    @Singleton
    GradingPipeline pipeline(CompileService compiler, NodeSandbox sandbox, GradingMetrics metrics) {
        return new GradingPipeline(compiler, sandbox, metrics);
    }
}
