package org.backprop.grader.compile;

import java.nio.file.Path;
import java.util.List;
import org.backprop.grader.io.CodeLocations;
import org.backprop.nn.Tensor;
import org.backprop.web.runtime.ProgramRuntime;

/**
 * Where the classes students compile against live on this machine: a jar, or a classes folder when
 * running from the Maven reactor. Found through the running JVM so that nothing needs configuring.
 */
final class CompileClasspath {
    private CompileClasspath() {
    }

    /** Returns the classpath student sources are compiled against: the nn library only. */
    static List<Path> student() {
        return List.of(locationOf(Tensor.class));
    }

    /** Returns the classpath the generated launcher is compiled against: nn and the web runtime. */
    static List<Path> launcher() {
        return List.of(locationOf(Tensor.class), locationOf(ProgramRuntime.class));
    }

    private static Path locationOf(Class<?> type) {
        return CodeLocations.of(type.getClassLoader(), type.getName());
    }
}
