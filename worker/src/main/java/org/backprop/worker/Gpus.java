package org.backprop.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Counts this machine's NVIDIA GPUs by their device files ({@code /dev/nvidia0}, {@code /dev/nvidia1}, ...). */
final class Gpus {
    private Gpus() {
    }

    /** Returns how many GPUs the machine (or the container, which sees only those it was given) has; 0 when none. */
    static int count() {
        try (Stream<Path> dev = Files.list(Path.of("/dev"))) {
            return (int) dev.map(path -> path.getFileName().toString()).filter(name -> name.matches("nvidia\\d+"))
                    .count();
        } catch (IOException e) {
            return 0;
        }
    }
}
