package org.backprop.grader.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One run's control group(s): the shell prefix that moves the run's first process in before anything else
 * starts, whether the memory cap was hit, and removal afterwards (every process left in it is killed first).
 */
final class RunCgroup implements AutoCloseable {
    private final boolean v2;
    private final List<Path> groups;
    private final Path memory;

    RunCgroup(boolean v2, List<Path> groups, Path memory) {
        this.v2 = v2;
        this.groups = List.copyOf(groups);
        this.memory = memory;
    }

    /**
     * Returns {@code command} behind a shell that first joins this group, so that every process the command
     * starts is counted from its first byte. The shell runs with the server's rights, which may write the groups.
     */
    List<String> wrap(List<String> command) {
        StringBuilder script = new StringBuilder();
        for (Path group : groups) {
            script.append("echo $$ > '").append(group.resolve("cgroup.procs")).append("' && ");
        }
        script.append("exec \"$@\"");
        List<String> wrapped = new java.util.ArrayList<>(List.of("/bin/sh", "-c", script.toString(), "sandbox"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Returns whether the kernel had to kill a process of this group for going over its memory cap. */
    boolean outOfMemory() {
        try {
            String events = Files.readString(memory.resolve(v2 ? "memory.events" : "memory.oom_control"));
            for (String line : events.split("\n")) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2 && parts[0].equals("oom_kill") && !parts[1].equals("0")) {
                    return true;
                }
            }
            // Kernels without the oom_kill counter: the cap was reached at least once.
            return !v2 && !events.contains("oom_kill") && !Files.readString(memory.resolve("memory.failcnt")).trim()
                    .equals("0");
        } catch (IOException e) {
            return false;
        }
    }

    /** Returns the most memory the group used, in bytes, or -1 where the kernel does not say. */
    long peakMemoryBytes() {
        Path peak = memory.resolve(v2 ? "memory.peak" : "memory.max_usage_in_bytes");
        try {
            return Files.exists(peak) ? Long.parseLong(Files.readString(peak).trim()) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** Kills whatever still runs in the group and removes it. */
    @Override
    public void close() {
        for (int attempt = 0; attempt < 50; attempt++) {
            boolean empty = true;
            for (Path group : groups) {
                for (String pid : tasks(group)) {
                    empty = false;
                    ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
            if (empty) {
                break;
            }
            sleep();
        }
        for (Path group : groups) {
            try {
                Files.deleteIfExists(group);
            } catch (IOException e) {
                System.getLogger(RunCgroup.class.getName()).log(System.Logger.Level.WARNING,
                        "Could not remove the control group " + group + ": " + e.getMessage());
            }
        }
    }

    private static List<String> tasks(Path group) {
        try {
            return Files.readAllLines(group.resolve("cgroup.procs")).stream().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
