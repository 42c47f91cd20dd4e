package org.backprop.grader.sandbox;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the sandbox finds its tools and how strict it is: the Node executable, the {@code node_modules} folder that
 * holds the {@code webgpu} package (Dawn), an optional Vulkan ICD file (SwiftShader on machines without a GPU), the
 * folder for run folders, the unprivileged user programs run as when the server runs as root, and whether a machine
 * without a working jail may run programs anyway (development only: never on a server students use).
 */
public record SandboxConfig(String nodeExecutable, Path nodeModules, Optional<Path> vulkanIcd, Path workRoot,
        int sandboxUid, boolean allowUnjailed) {
    /** {@code nobody} on Debian and most distributions. */
    public static final int DEFAULT_SANDBOX_UID = 65534;

    public SandboxConfig {
        if (sandboxUid <= 0) {
            throw new IllegalArgumentException("sandboxUid must be an unprivileged user id, got " + sandboxUid);
        }
    }

    /** The strict sandbox: programs run only in a working jail, as {@code nobody}. */
    public SandboxConfig(String nodeExecutable, Path nodeModules, Optional<Path> vulkanIcd, Path workRoot) {
        this(nodeExecutable, nodeModules, vulkanIcd, workRoot, DEFAULT_SANDBOX_UID, false);
    }
}
