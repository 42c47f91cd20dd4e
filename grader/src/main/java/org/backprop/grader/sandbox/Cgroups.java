package org.backprop.grader.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Linux control groups for sandboxed runs: each run gets its own group with a memory cap that counts everything
 * its processes use (the JavaScript heap, typed arrays outside it, Dawn's and the Vulkan driver's memory, the
 * jail's tmpfs) and a cap on processes and threads. Version 2 (a delegated subtree) and version 1 (the
 * {@code memory} and {@code pids} hierarchies) are both handled; {@link #detect} tries each and keeps the first
 * that works, or says why none does (the sandbox then falls back to resource limits per process).
 */
final class Cgroups {
    private static final String GROUP = "backprop-sandbox";
    private static final AtomicLong RUNS = new AtomicLong();

    /** One kind of hierarchy: the folders a run's group is made in. */
    private record Layout(boolean v2, Path memoryParent, Path pidsParent) {
    }

    private final Layout layout;
    private final String unavailableReason;

    private Cgroups(Layout layout, String unavailableReason) {
        this.layout = layout;
        this.unavailableReason = unavailableReason;
    }

    /** Finds a cgroup hierarchy this process may create groups in, and proves it by making one. */
    static Cgroups detect() {
        List<String> failures = new ArrayList<>();
        for (Layout layout : candidates(failures)) {
            try {
                new Cgroups(layout, null).create(64L << 20, 16).close();
                removeLeftovers(layout);
                return new Cgroups(layout, null);
            } catch (IOException | RuntimeException e) {
                failures.add((layout.v2() ? "cgroup v2 at " : "cgroup v1 at ") + layout.memoryParent() + ": " + e);
            }
        }
        return new Cgroups(null, failures.isEmpty() ? "no cgroup hierarchy with the memory and pids controllers"
                : String.join("; ", failures));
    }

    /** Removes the empty groups of runs whose server died before it could remove them. */
    private static void removeLeftovers(Layout layout) {
        for (Path parent : java.util.Set.of(layout.memoryParent(), layout.pidsParent())) {
            try (java.util.stream.Stream<Path> groups = Files.list(parent)) {
                groups.filter(group -> group.getFileName().toString().startsWith("run-"))
                        .filter(group -> !ownerAlive(group.getFileName().toString())).forEach(group -> {
                    try {
                        if (Files.readString(group.resolve("cgroup.procs")).isBlank()) {
                            Files.delete(group);
                        }
                    } catch (IOException e) {
                        // Still in use by another server's run, or already gone.
                    }
                });
            } catch (IOException e) {
                // Nothing to clean.
            }
        }
    }

    /** Returns whether the server that named a run's group ("run-PID-N") still runs. */
    private static boolean ownerAlive(String groupName) {
        String[] parts = groupName.split("-");
        try {
            return parts.length == 3 && ProcessHandle.of(Long.parseLong(parts[1])).isPresent();
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static List<Layout> candidates(List<String> failures) {
        List<Layout> layouts = new ArrayList<>();
        try {
            List<String> memberships = Files.readAllLines(Path.of("/proc/self/cgroup"));
            Path root = Path.of("/sys/fs/cgroup");
            if (Files.exists(root.resolve("cgroup.controllers"))) {
                ownGroup(memberships, "").ifPresent(own -> {
                    Path parent = root.resolve(own.substring(1)).resolve(GROUP);
                    layouts.add(new Layout(true, parent, parent));
                });
            }
            Optional<String> memory = ownGroup(memberships, "memory");
            Optional<String> pids = ownGroup(memberships, "pids");
            if (memory.isPresent() && pids.isPresent() && Files.isDirectory(root.resolve("memory"))
                    && Files.isDirectory(root.resolve("pids"))) {
                layouts.add(new Layout(false, root.resolve("memory").resolve(memory.get().substring(1)).resolve(GROUP),
                        root.resolve("pids").resolve(pids.get().substring(1)).resolve(GROUP)));
            }
        } catch (IOException e) {
            failures.add("cannot read /proc/self/cgroup: " + e.getMessage());
        }
        return layouts;
    }

    /** Returns this process's group in the hierarchy with {@code controller} ("" for version 2). */
    private static Optional<String> ownGroup(List<String> memberships, String controller) {
        for (String line : memberships) {
            String[] parts = line.split(":", 3);
            if (parts.length != 3) {
                continue;
            }
            boolean matches = controller.isEmpty() ? parts[0].equals("0") && parts[1].isEmpty()
                    : List.of(parts[1].split(",")).contains(controller);
            if (matches) {
                return Optional.of(parts[2]);
            }
        }
        return Optional.empty();
    }

    /** Returns whether runs get control groups. */
    boolean available() {
        return layout != null;
    }

    /** Returns why runs get no control groups, or null when they do. */
    String unavailableReason() {
        return unavailableReason;
    }

    /** Returns which hierarchy is used, for the operator. */
    String description() {
        return layout == null ? "none" : layout.v2() ? "cgroup v2 (" + layout.memoryParent() + ")"
                : "cgroup v1 (" + layout.memoryParent() + ", " + layout.pidsParent() + ")";
    }

    /** Creates a group for one run, capped at {@code memoryBytes} and {@code maxProcesses} tasks. */
    RunCgroup create(long memoryBytes, int maxProcesses) throws IOException {
        String name = "run-" + ProcessHandle.current().pid() + "-" + RUNS.incrementAndGet();
        if (layout.v2()) {
            Path parent = layout.memoryParent();
            if (!Files.isDirectory(parent)) {
                Files.createDirectory(parent);
            }
            // The server's own group must hand both controllers down to ours, and ours to each run's.
            enableControllers(parent.getParent());
            enableControllers(parent);
            Path group = Files.createDirectory(parent.resolve(name));
            RunCgroup run = new RunCgroup(true, List.of(group), group);
            write(group.resolve("memory.max"), memoryBytes);
            writeIfPresent(group.resolve("memory.swap.max"), 0);
            write(group.resolve("pids.max"), maxProcesses);
            return run;
        }
        Files.createDirectories(layout.memoryParent());
        Files.createDirectories(layout.pidsParent());
        Path memory = Files.createDirectory(layout.memoryParent().resolve(name));
        Path pids = Files.createDirectory(layout.pidsParent().resolve(name));
        RunCgroup run = new RunCgroup(false, List.of(memory, pids), memory);
        try {
            write(memory.resolve("memory.limit_in_bytes"), memoryBytes);
            writeIfPresent(memory.resolve("memory.memsw.limit_in_bytes"), memoryBytes);
            write(pids.resolve("pids.max"), maxProcesses);
            return run;
        } catch (IOException | RuntimeException e) {
            run.close();
            throw e;
        }
    }

    private static void enableControllers(Path group) throws IOException {
        String enabled = Files.readString(group.resolve("cgroup.subtree_control"));
        if (!enabled.contains("memory") || !enabled.contains("pids")) {
            Files.writeString(group.resolve("cgroup.subtree_control"), "+memory +pids");
        }
    }

    private static void write(Path file, long value) throws IOException {
        Files.writeString(file, Long.toString(value));
    }

    private static void writeIfPresent(Path file, long value) throws IOException {
        if (Files.exists(file)) {
            write(file, value);
        }
    }
}
