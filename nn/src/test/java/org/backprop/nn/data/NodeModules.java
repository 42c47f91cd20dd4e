package org.backprop.nn.data;

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
     * Returns the text of {@code relativePath} under {@code node_modules}; fails, saying how to install the
     * package, when it is missing (the package is in package.json, so {@code npm ci} brings it).
     */
    static String readText(String relativePath) {
        String folder = System.getProperty("backprop.nodeModules");
        if (folder == null) {
            throw new IllegalStateException("the build must set backprop.nodeModules to the node_modules folder");
        }
        Path file = Path.of(folder).resolve(relativePath);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: run npm ci in the repository root");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
