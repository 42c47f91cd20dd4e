package org.backprop.grader.compile.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backprop.grader.sandbox.Jail;
import org.backprop.grader.sandbox.JailLauncher;

/**
 * Starts compile workers in the sandbox's {@link Jail}: no network, the system read-only, the JDK and the worker's
 * class path read-only, and only the worker's scratch folder writable, as the unprivileged sandbox user. Student
 * code never runs in a compile worker (the policy and TeaVM's class loader see to that); the jail is what still
 * holds if either ever fails.
 */
public final class JailedWorkerLauncher implements WorkerLauncher {
    private static final System.Logger LOG = System.getLogger(JailedWorkerLauncher.class.getName());

    private final Jail jail;

    private JailedWorkerLauncher(Jail jail) {
        this.jail = jail;
    }

    /**
     * Returns a jailed launcher where the jail works on this machine, else the plain one, saying so in the log: the
     * compile stage runs no student code, so the editor keeps working where only the jail is missing.
     */
    public static WorkerLauncher forThisMachine(int sandboxUid) {
        Jail jail = Jail.detect("bwrap", sandboxUid);
        if (jail.available()) {
            return new JailedWorkerLauncher(jail);
        }
        LOG.log(System.Logger.Level.WARNING, "Compile workers run without the jail: " + jail.unavailableReason());
        return new PlainWorkerLauncher();
    }

    /**
     * Returns the top folders outside {@code /usr} that the JDK's links point into: Debian's JDK keeps its settings
     * ({@code conf/security/java.security}, ...) in {@code /etc/java-17-openjdk}, without which it cannot start.
     */
    private static Set<Path> linkedFolders(Path javaHome) throws IOException {
        Set<Path> folders = new LinkedHashSet<>();
        try (var paths = Files.walk(javaHome)) {
            for (Path link : paths.filter(Files::isSymbolicLink).filter(Files::exists).toList()) {
                Path target = link.toRealPath();
                if (!target.startsWith("/usr/") && target.getNameCount() >= 2) {
                    folders.add(target.getRoot().resolve(target.subpath(0, 2)));
                }
            }
        }
        return folders;
    }

    @Override
    public Process start(List<String> javaCommand, Path scratch) throws IOException {
        if (jail.startedByRoot()) {
            Files.setAttribute(scratch, "unix:uid", jail.uid());
            Files.setAttribute(scratch, "unix:gid", jail.uid());
        }
        List<Jail.Bind> readOnly = new ArrayList<>();
        Set<Path> bound = new LinkedHashSet<>();
        Path javaHome = Path.of(System.getProperty("java.home")).toRealPath();
        bound.add(javaHome);
        bound.addAll(linkedFolders(javaHome));
        for (Path entry : WorkerCommand.classpath()) {
            bound.add(entry.toAbsolutePath());
        }
        // The system's /usr is in every jail already.
        bound.stream().filter(path -> !path.startsWith("/usr/")).forEach(path -> readOnly.add(Jail.Bind.same(path)));
        List<String> command = jail.command(Map.of("PATH", "/usr/bin:/bin"), readOnly,
                List.of(Jail.Bind.same(scratch.toAbsolutePath())), javaCommand);
        ProcessBuilder builder = new ProcessBuilder(command).directory(scratch.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin");
        return JailLauncher.start(builder);
    }
}
