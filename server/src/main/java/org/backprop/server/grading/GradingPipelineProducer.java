package org.backprop.server.grading;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.backprop.grader.compile.CompileService;
import org.backprop.grader.pipeline.GradingPipeline;
import org.backprop.grader.sandbox.NodeSandbox;
import org.backprop.grader.sandbox.SandboxConfig;

/** Makes the grader's pipeline a server bean: the compile service the editor uses, and a sandbox from config. */
public class GradingPipelineProducer {

    @Produces
    @Singleton
    GradingPipeline pipeline(CompileService compiler, GradingConfig config) {
        GradingConfig.Sandbox sandbox = config.sandbox();
        return new GradingPipeline(compiler, new NodeSandbox(new SandboxConfig(sandbox.node(),
                sandbox.nodeModules().toAbsolutePath(), sandbox.vulkanIcd(), sandbox.workDir())));
    }
}
