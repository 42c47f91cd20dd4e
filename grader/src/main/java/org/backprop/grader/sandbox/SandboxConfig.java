package org.backprop.grader.sandbox;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the sandbox finds its tools: the Node executable, the {@code node_modules} folder that holds the
 * {@code webgpu} package (Dawn), an optional Vulkan ICD file (SwiftShader on machines without a GPU), and
 * the folder for scratch directories.
 */
public record SandboxConfig(String nodeExecutable, Path nodeModules, Optional<Path> vulkanIcd, Path workRoot) {
}
