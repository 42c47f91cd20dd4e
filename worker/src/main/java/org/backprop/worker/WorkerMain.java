package org.backprop.worker;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.backprop.grader.compile.CompileService;
import org.backprop.grader.compile.worker.CompileWorkerPool;
import org.backprop.grader.compile.worker.JailedWorkerLauncher;
import org.backprop.grader.compile.worker.WorkerLimits;
import org.backprop.grader.pipeline.GradingPipeline;
import org.backprop.grader.sandbox.NodeSandbox;
import org.backprop.grader.worker.GradingLoop;

/**
 * The standalone grading worker: leases jobs from a Backprop server with a worker token and grades them on this
 * machine with the grader's loop and pipeline (jailed compile workers, sandboxed runs on this machine's GPU). SIGTERM
 * stops leasing and lets running jobs finish within {@code BACKPROP_WORKER_GRACE}, giving back the rest; a refused
 * token stops the worker with exit status 3. Settings come from environment variables ({@code --help}).
 */
public final class WorkerMain {
    /** The server refused the worker token: revoked, unknown, or not a worker token. */
    static final int EXIT_REFUSED = 3;
    static final int EXIT_SETTINGS = 2;
    /** The server's compile defaults (backprop.compile.*): heap, wall and processor time of one compile worker. */
    private static final WorkerLimits COMPILE_LIMITS = new WorkerLimits(768, Duration.ofSeconds(20),
            Duration.ofSeconds(15));
    private static final int COMPILE_CACHE_ENTRIES = 512;
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

    private WorkerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // One line per record, before the first logger is made.
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n");
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(WorkerConfig.HELP);
            return;
        }
        if (args.length > 0) {
            System.err.println("backprop-worker: unknown argument " + args[0] + "; settings come from environment"
                    + " variables, see --help");
            System.exit(EXIT_SETTINGS);
        }
        WorkerConfig config;
        try {
            config = WorkerConfig.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("backprop-worker: " + e.getMessage());
            System.exit(EXIT_SETTINGS);
            return;
        }
        System.exit(run(config));
    }

    private static int run(WorkerConfig config) throws InterruptedException {
        System.Logger log = System.getLogger(WorkerMain.class.getName());
        NodeSandbox sandbox = new NodeSandbox(config.sandbox());
        CompileService compiler = new CompileService(new CompileWorkerPool(config.compileWorkDir(), config.slots(),
                COMPILE_LIMITS, JailedWorkerLauncher.forThisMachine(config.sandbox().sandboxUid())),
                COMPILE_CACHE_ENTRIES);
        WorkerApi api = new WorkerApi(config.serverUrl(), config.token());
        GradingLoop loop = new GradingLoop(new HttpJobSource(api, config.name()), new ShardCache(config.cache(), api),
                new GradingPipeline(compiler, sandbox)::grade, sandbox::readiness,
                new GradingLoop.Settings(config.slots(), config.pollInterval(), RETRY_PAUSE));
        AtomicBoolean exiting = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (exiting.get()) {
                return;
            }
            // Printed, not logged: the logging system closes its handlers in a shutdown hook of its own.
            System.err.println("backprop-worker: stopping: no new jobs; running jobs get " + config.grace()
                    + " to finish, then go back to the queue");
            try {
                loop.shutdown(config.grace());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            compiler.close();
            System.err.println("backprop-worker: stopped");
            // A stop asked for and done cleanly is a success, not death by signal (143).
            Runtime.getRuntime().halt(0);
        }, "worker-shutdown"));
        log.log(System.Logger.Level.INFO, "Grading {0} job(s) at a time for {1} as \"{2}\"; sandbox: {3}",
                config.slots(), config.serverUrl(), config.name(), sandbox.readiness().detail());
        loop.start();
        loop.awaitStopped();
        exiting.set(true);
        compiler.close();
        if (loop.refusal().isPresent()) {
            log.log(System.Logger.Level.ERROR, "The server refused this worker''s token, so it stops: {0} Give the"
                    + " worker a new token (BACKPROP_WORKER_TOKEN).", loop.refusal().get());
            return EXIT_REFUSED;
        }
        return 0;
    }
}
