package org.backprop.grader.sandbox;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds executables the way a shell would, so that the sandbox can say which tool is missing. */
final class Executables {
    private Executables() {
    }

    /** Returns the real path of {@code name} (a path, or a name looked up on PATH), or null when there is none. */
    static String find(String name) {
        if (name.contains("/")) {
            return Files.isExecutable(Path.of(name)) ? realPath(Path.of(name)) : null;
        }
        String path = System.getenv("PATH");
        for (String folder : (path == null ? "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin" : path)
                .split(File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, name))) {
                return realPath(Path.of(folder, name));
            }
        }
        for (String folder : new String[] {"/usr/bin", "/bin", "/usr/sbin", "/sbin"}) {
            if (Files.isExecutable(Path.of(folder, name))) {
                return realPath(Path.of(folder, name));
            }
        }
        return null;
    }

    private static String realPath(Path path) {
        try {
            return path.toRealPath().toString();
        } catch (java.io.IOException e) {
            return path.toAbsolutePath().toString();
        }
    }
}
