package org.backprop.grader.compile.worker;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts a compile worker's process. The one seam between the compile pool and how the process is confined: the
 * default ({@link PlainWorkerLauncher}) only scrubs the environment, a jail may wrap the command to cut off the
 * network and make everything but {@code scratch} read-only.
 */
public interface WorkerLauncher {

    /**
     * Starts {@code javaCommand} (the java executable, its options, the worker's main class) with {@code scratch},
     * an empty folder of this worker's own, as its working folder and the only place it needs to write. The
     * process's stdin, stdout and stderr must stay pipes to the caller.
     */
    Process start(List<String> javaCommand, Path scratch) throws IOException;
}
