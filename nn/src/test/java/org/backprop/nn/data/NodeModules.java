package org.backprop.nn.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads files that npm packages ship, from the {@code node_modules} folder that the build names in the system
 * property {@code backprop.nodeModules} (JVM tests only: the library itself reads no files).
 */
final class NodeModules {
    private NodeModules() {
    }

    /**
     * Returns the text of {@code relativePath} under {@code node_modules}; skips the test when the package is
     * not installed, saying how to install it.
     */
    static String readText(String relativePath) {
        String folder = System.getProperty("backprop.nodeModules");
        assumeTrue(folder != null, "the build sets backprop.nodeModules to the node_modules folder");
        Path file = Path.of(folder).resolve(relativePath);
        assumeTrue(Files.isRegularFile(file), () -> file + " is missing: run npm install in the repository root");
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
