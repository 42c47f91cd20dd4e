package org.backprop.grader.compile.worker;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts a worker as a plain child process in its scratch folder, with an environment that holds nothing of the
 * server's (no database password, no tokens): only {@code PATH}.
 */
public final class PlainWorkerLauncher implements WorkerLauncher {

    @Override
    public Process start(List<String> javaCommand, Path scratch) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(javaCommand).directory(scratch.toFile());
        Map<String, String> environment = builder.environment();
        String path = environment.get("PATH");
        environment.clear();
        environment.put("PATH", path == null ? "/usr/local/bin:/usr/bin:/bin" : path);
        return builder.start();
    }
}
