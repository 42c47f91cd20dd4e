package org.backprop.grader.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes the scratch folders that compiles and runs leave behind. */
public final class TempFolders {
    private TempFolders() {
    }

    /** Deletes {@code dir} and everything in it; a folder that cannot be deleted is left alone. */
    public static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover scratch folder is harmless: every compile and run makes a fresh one.
        }
    }
}
