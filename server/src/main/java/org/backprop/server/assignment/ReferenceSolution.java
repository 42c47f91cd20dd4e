package org.backprop.server.assignment;

import java.util.Map;
import java.util.TreeMap;

/**
 * An assignment folder's reference solution: its {@code reference/} Java files laid over the starter's (and any
 * other Java file of the folder outside {@code reference/} and the hidden tests). Never stored or served: the import
 * checks the hidden tests against it, and the tests grade it.
 */
public final class ReferenceSolution {
    /** The folder of an assignment that holds the reference solution's files. */
    public static final String FOLDER = "reference/";

    private ReferenceSolution() {
    }

    /** Returns whether the folder {@code files} has a reference solution. */
    public static boolean present(Map<String, String> files) {
        return files.keySet().stream().anyMatch(path -> path.startsWith(FOLDER) && path.endsWith(".java"));
    }

    /**
     * Returns the Java sources of the reference solution by path, {@code hiddenFiles} left out; the starter's own
     * sources where the folder has no reference.
     */
    public static Map<String, String> sources(Map<String, String> files, Iterable<String> hiddenFiles) {
        Map<String, String> sources = new TreeMap<>();
        files.forEach((path, text) -> {
            if (path.endsWith(".java") && !path.startsWith(FOLDER)) {
                sources.put(path, text);
            }
        });
        hiddenFiles.forEach(sources::remove);
        files.forEach((path, text) -> {
            if (path.startsWith(FOLDER) && path.endsWith(".java")) {
                sources.put(path.substring(FOLDER.length()), text);
            }
        });
        return sources;
    }
}
