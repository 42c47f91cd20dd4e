package org.backprop.grader.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.backprop.grader.io.TempFolders;

/**
 * Runs compiled JavaScript in Node with Dawn's WebGPU, as a separate process in a {@link Jail} (no network, a
 * read-only system, an unprivileged user without capabilities), inside its own control group (memory that counts
 * everything, processes and threads; see {@link Cgroups}) or, where there are none, under per-process resource
 * limits, with processor time, wall time and output capped, and killed as a whole when any limit is hit.
 *
 * <p>Fails closed: where the jail does not work, {@link #run} throws {@link SandboxUnavailableException} and
 * {@link #readiness()} says why, unless the configuration explicitly allows unjailed runs for development.
 *
 * <p>Thread-safe: every run has its own process, folder and control group.
 */
public final class NodeSandbox {
    private static final System.Logger LOG = System.getLogger(NodeSandbox.class.getName());
    private static final String RUNNER = "run-program.mjs";
    /** Where the jailed process sees the program and the webgpu package. */
    private static final String PROGRAM_DIR = "/opt/backprop/program";
    private static final String NODE_MODULES_DIR = "/opt/backprop/node_modules";
    /** Node's own messages on stderr: enough for a stack trace, never a flood. */
    private static final int NODE_STDERR_BYTES = 16 * 1024;
    /** Memory the address-space limit allows beyond the cap, for what Node and Dawn reserve without using. */
    private static final long ADDRESS_SPACE_RESERVE = 3L << 30;

    private final SandboxConfig config;
    private final Jail jail;
    private final Cgroups cgroups;
    private final String node;
    private final String prlimit;

    public NodeSandbox(SandboxConfig config) {
        this(config, Jail.detect("bwrap", config.sandboxUid()));
    }

    NodeSandbox(SandboxConfig config, Jail jail) {
        this.config = config;
        this.jail = jail;
        this.cgroups = Cgroups.detect();
        this.node = Executables.find(config.nodeExecutable());
        this.prlimit = Executables.find("prlimit");
        SandboxReadiness readiness = readiness();
        LOG.log(readiness.ready() ? System.Logger.Level.INFO : System.Logger.Level.ERROR,
                (readiness.ready() ? "Sandbox ready: " : "Sandbox NOT ready, grading runs are refused: ")
                        + readiness.detail());
    }

    /** Returns whether programs can run here, and how they are contained or why they cannot run. */
    public SandboxReadiness readiness() {
        List<String> missing = new ArrayList<>();
        if (node == null) {
            missing.add("Node (" + config.nodeExecutable() + ") is not installed");
        }
        if (!Files.isRegularFile(config.nodeModules().resolve("webgpu").resolve("index.js"))) {
            missing.add("the webgpu package is missing from " + config.nodeModules() + " (run npm ci)");
        }
        config.vulkanIcd().filter(icd -> !Files.isRegularFile(icd)).ifPresent(icd -> missing.add("Dawn's Vulkan"
                + " driver manifest " + icd + " does not exist"));
        if (prlimit == null) {
            missing.add("prlimit is not installed (Debian package util-linux)");
        }
        if (!jail.available() && !config.allowUnjailed()) {
            missing.add("programs cannot be jailed: " + jail.unavailableReason()
                    + "; for development only, backprop.grading.sandbox.allow-unjailed=true runs them without");
        }
        String memory = cgroups.available() ? "memory and processes capped by " + cgroups.description()
                : "memory capped by address space (no usable cgroup: " + cgroups.unavailableReason() + ")";
        String containment = jail.available() ? "jailed by bubblewrap as uid " + config.sandboxUid()
                : "NOT jailed (development setting)";
        return missing.isEmpty() ? new SandboxReadiness(true, containment + "; " + memory)
                : new SandboxReadiness(false, String.join("; ", missing));
    }

    /** Returns whether programs run cut off the network, in a jail. */
    public boolean isolatesNetwork() {
        return jail.available();
    }

    /** Runs {@code js} (an ES module exporting {@code main}) without datasets and returns how it ended. */
    public RunResult run(String js, RunLimits limits) {
        return run(js, limits, RunDatasets.NONE);
    }

    /**
     * Runs {@code js} (an ES module exporting {@code main}) and returns how it ended. The program may load
     * {@code datasets} (read-only, the students' view: never a hidden split's shards) through
     * {@code globalThis.backpropDatasets}.
     */
    public RunResult run(String js, RunLimits limits, RunDatasets datasets) {
        return run(js, limits, datasets, RunPlan.ALL);
    }

    /**
     * Runs {@code js} as {@link #run(String, RunLimits, RunDatasets)} does, training only the fits {@code plan}
     * names; every fit, trained or not, reports its run record on the runtime's own channel
     * ({@link RunResult#runRecords()}), with the behaviour evidence the grader's checks read.
     */
    public RunResult run(String js, RunLimits limits, RunDatasets datasets, RunPlan plan) {
        SandboxReadiness readiness = readiness();
        if (!readiness.ready()) {
            throw new SandboxUnavailableException("The sandbox cannot run programs: " + readiness.detail());
        }
        Path runFolder = null;
        try {
            Files.createDirectories(config.workRoot());
            runFolder = Files.createTempDirectory(config.workRoot(), "run-");
            Path program = Files.createDirectory(runFolder.resolve("program"));
            Files.writeString(program.resolve("program.mjs"), js, StandardCharsets.UTF_8);
            try (InputStream source = NodeSandbox.class.getResourceAsStream(RUNNER)) {
                Files.copy(source, program.resolve(RUNNER));
            }
            // The jailed user reads these and nothing else of the host's run folder.
            Files.setPosixFilePermissions(runFolder, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
            DatasetMount mount = datasets.isEmpty() ? null
                    : DatasetMount.prepare(runFolder.resolve("datasets"), datasets, jail.available());
            try (RunCgroup cgroup = cgroups.available()
                    ? cgroups.create(limits.maxMemoryMegabytes() * (1L << 20), limits.maxProcesses()) : null) {
                return runProcess(command(program, mount, limits, cgroup, plan), runFolder, limits, cgroup);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while a program was running", e);
        } finally {
            TempFolders.deleteQuietly(runFolder);
        }
    }

    private List<String> command(Path program, DatasetMount datasets, RunLimits limits, RunCgroup cgroup,
            RunPlan plan) {
        boolean jailed = jail.available();
        String programDir = jailed ? PROGRAM_DIR : program.toString();
        // V8's heap gets most of the cap; typed arrays and Dawn live outside it and count against the rest.
        int heapMegabytes = Math.max(64, limits.maxMemoryMegabytes() * 3 / 4);
        List<String> nodeCommand = List.of(node, "--max-old-space-size=" + heapMegabytes,
                "--disallow-code-generation-from-strings", programDir + "/" + RUNNER, programDir + "/program.mjs");

        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", "/usr/bin:/bin");
        environment.put("HOME", jailed ? Jail.HOME : program.toString());
        environment.put("BACKPROP_NODE_MODULES", jailed ? NODE_MODULES_DIR : config.nodeModules().toString());
        config.vulkanIcd().ifPresent(icd -> environment.put("VK_ICD_FILENAMES", icd.toAbsolutePath().toString()));
        if (!plan.all()) {
            environment.put("BACKPROP_RUN_PLAN", plan.toJson());
        }
        if (datasets != null) {
            environment.put("BACKPROP_DATASETS_DIR", jailed ? DatasetMount.INSIDE : datasets.folder().toString());
        }

        List<String> command = new ArrayList<>(List.of(prlimit,
                "--cpu=" + limits.cpuTime().toSeconds() + ":" + (limits.cpuTime().toSeconds() + 5), "--core=0"));
        if (cgroup == null) {
            // Without a control group, the address space stands in for memory, and RLIMIT_NPROC for processes.
            long addressSpace = limits.maxMemoryMegabytes() * (1L << 20) + ADDRESS_SPACE_RESERVE;
            command.addAll(List.of("--as=" + addressSpace, "--nproc=" + limits.maxProcesses()));
        }
        command.add("--");
        if (jailed) {
            List<Jail.Bind> binds = new ArrayList<>();
            binds.add(new Jail.Bind(program, PROGRAM_DIR));
            binds.add(new Jail.Bind(config.nodeModules().resolve("webgpu").toAbsolutePath(),
                    NODE_MODULES_DIR + "/webgpu"));
            if (!node.startsWith("/usr/")) {
                binds.add(new Jail.Bind(Path.of(node).getParent(), Path.of(node).getParent().toString()));
            }
            config.vulkanIcd().map(Path::toAbsolutePath).filter(icd -> !icd.startsWith("/usr/"))
                    .ifPresent(icd -> binds.add(new Jail.Bind(icd, icd.toString())));
            if (datasets != null) {
                binds.addAll(datasets.binds());
            }
            command.addAll(jail.command(environment, binds, nodeCommand));
        } else {
            command.add("/usr/bin/env");
            command.add("-i");
            environment.forEach((name, value) -> command.add(name + "=" + value));
            command.addAll(nodeCommand);
        }
        return cgroup == null ? command : cgroup.wrap(command);
    }

    private RunResult runProcess(List<String> command, Path runFolder, RunLimits limits, RunCgroup cgroup)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(runFolder.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin");

        long started = System.nanoTime();
        Process process = JailLauncher.start(builder);
        process.getOutputStream().close();
        ProgramOutput output = new ProgramOutput(process.getInputStream(), limits.maxOutputBytes(),
                () -> killTree(process));
        OutputCollector nodeErrors = new OutputCollector("sandbox-stderr", process.getErrorStream(), NODE_STDERR_BYTES);

        boolean finished;
        try {
            finished = process.waitFor(limits.wallTime().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // The grading was called off (its lease ended, or the worker stops): the program must not run on.
            killTree(process);
            throw e;
        }
        if (!finished) {
            killTree(process);
            process.waitFor(10, TimeUnit.SECONDS);
        }
        boolean outOfMemory = cgroup != null && cgroup.outOfMemory();
        if (cgroup != null) {
            cgroup.close();
        }
        output.awaitEnd(10_000);
        long wallMillis = (System.nanoTime() - started) / 1_000_000;
        String stderrOfNode = nodeErrors.text(10_000);
        Integer processExit = process.isAlive() ? null : process.exitValue();
        Outcome outcome = classify(finished, processExit, output, stderrOfNode, limits, outOfMemory);
        String stderr = output.stderr() + (outcome.showNodeErrors() ? stderrOfNode : "");
        return new RunResult(outcome.status(), outcome.exitCode(), outcome.message(), output.stdout(), stderr,
                output.notices(), wallMillis, output.runRecords(), output.savedModels(), output.testReports());
    }

    private record Outcome(RunResult.Status status, Integer exitCode, String message, boolean showNodeErrors) {
    }

    private static Outcome classify(boolean finished, Integer processExit, ProgramOutput output, String nodeErrors,
            RunLimits limits, boolean killedForMemory) {
        if (output.reportLimit() != null) {
            return new Outcome(RunResult.Status.OUTPUT_LIMIT, null, output.reportLimit(), false);
        }
        if (output.overflowed()) {
            return new Outcome(RunResult.Status.OUTPUT_LIMIT, null, "Your program printed more than "
                    + limits.maxOutputBytes() / 1024 + " KiB and was stopped. Print less, for example once per"
                    + " epoch.", false);
        }
        if (!finished) {
            return new Outcome(RunResult.Status.TIMED_OUT, null, "Your program ran longer than the "
                    + limits.wallTime().toSeconds() + " s limit and was stopped.", false);
        }
        boolean outOfMemory = killedForMemory && output.exitCode() == null || nodeErrors.contains("heap out of memory") || nodeErrors.contains("Array buffer allocation failed")
                || output.stderr().contains("RangeError: Array buffer allocation failed");
        if (outOfMemory) {
            return new Outcome(RunResult.Status.MEMORY_LIMIT, null, "Your program needed more than "
                    + limits.maxMemoryMegabytes() + " MiB of memory and was stopped. Use smaller batches or"
                    + " images, or free tensors you no longer need.", false);
        }
        // SIGXCPU at the soft processor-time limit, SIGKILL at the hard one (the memory cap's SIGKILL is told apart above).
        if (output.exitCode() == null && processExit != null && (processExit == 128 + 24 || processExit == 128 + 9)) {
            return new Outcome(RunResult.Status.CPU_LIMIT, null, "Your program used more than "
                    + limits.cpuTime().toSeconds() + " s of processor time and was stopped.", false);
        }
        if (output.stalled()) {
            return new Outcome(RunResult.Status.STALLED, null, "Your program stopped making progress before main"
                    + " returned: it waits for something that can never happen (for example wait() with nothing to"
                    + " notify it), so it was stopped.", false);
        }
        if (output.exitCode() == null || output.garbled()) {
            return new Outcome(RunResult.Status.FAILED, processExit, "Your program's process ended before main"
                    + " returned (exit code " + processExit + "); its error output says why.", true);
        }
        if (output.exitCode() != 0) {
            return new Outcome(RunResult.Status.FAILED, output.exitCode(), "Your program stopped with an error"
                    + " (exit code " + output.exitCode() + "); its error output says why.", false);
        }
        return new Outcome(RunResult.Status.COMPLETED, 0, "Your program ran to the end.", false);
    }

    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
