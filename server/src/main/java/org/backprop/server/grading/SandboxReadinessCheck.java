package org.backprop.server.grading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.backprop.grader.sandbox.NodeSandbox;
import org.backprop.grader.sandbox.SandboxReadiness;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports in {@code /q/health/ready} whether this server can run student programs for grading: down, with what the
 * operator must fix, where the jail does not work (the sandbox fails closed) or Node or Dawn is missing.
 */
@Readiness
@ApplicationScoped
public class SandboxReadinessCheck implements HealthCheck {
    @Inject
    NodeSandbox sandbox;

    @Override
    public HealthCheckResponse call() {
        SandboxReadiness readiness = sandbox.readiness();
        return HealthCheckResponse.named("grading sandbox").status(readiness.ready())
                .withData("detail", readiness.detail()).build();
    }
}
