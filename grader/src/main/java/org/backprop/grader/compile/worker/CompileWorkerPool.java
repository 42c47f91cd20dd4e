package org.backprop.grader.compile.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeoutException;
import org.backprop.grader.compile.CompileResult;
import org.backprop.grader.compile.HiddenTests;
import org.backprop.grader.compile.CompileUnavailableException;
import org.backprop.grader.compile.SourceBundle;

/**
 * A fixed number of warm compile worker processes, each compiling one program at a time under {@link WorkerLimits}.
 * A worker that is stopped, crashes or is found dead is replaced by a fresh one, started in the background where it
 * can be; nothing a program does to its worker reaches the server's JVM.
 *
 * <p>Requests never wait forever: one that finds no free worker within three compiles' worth of time, or whose worker
 * cannot be started, gets a {@link CompileUnavailableException}. Thread-safe.
 */
public final class CompileWorkerPool implements AutoCloseable {
    /** How long a worker may take to start and warm up: a JVM start and a compile of the sample, on a busy machine. */
    static final Duration START_TIME = Duration.ofSeconds(60);
    private static final System.Logger LOG = System.getLogger(CompileWorkerPool.class.getName());

    private final Path workRoot;
    private final WorkerLimits limits;
    private final WorkerLauncher launcher;
    private final List<Slot> slots = new ArrayList<>();
    /** Free slots, most recently used first: a lightly used pool keeps compiling in its warmest worker. */
    private final BlockingDeque<Slot> free;
    private final Watchdog watchdog = new Watchdog();
    private final ExecutorService starter = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "compile-worker-start");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    /**
     * Makes a pool of {@code workers} workers; none starts before {@link #start()} or the first compile.
     *
     * @param workRoot where each worker gets a scratch folder of its own
     * @param launcher how a worker's process is started (and confined)
     */
    public CompileWorkerPool(Path workRoot, int workers, WorkerLimits limits, WorkerLauncher launcher) {
        if (workers < 1) {
            throw new IllegalArgumentException("A compile pool needs at least one worker, not " + workers);
        }
        this.workRoot = workRoot;
        this.limits = limits;
        this.launcher = launcher;
        this.free = new LinkedBlockingDeque<>(workers);
        for (int i = 0; i < workers; i++) {
            Slot slot = new Slot();
            slots.add(slot);
            free.add(slot);
        }
    }

    /** Starts every worker in the background, so that even the first compile finds one warm. */
    public void start() {
        slots.forEach(Slot::current);
    }

    /**
     * Compiles {@code sources} in a free worker.
     *
     * @throws CompileStoppedException when the compile ran past a limit or its worker died
     * @throws CompileUnavailableException when no worker became free in time or none could be started
     */
    public CompileResult compile(SourceBundle sources) throws CompileStoppedException {
        return compile(sources, null);
    }

    /**
     * Compiles {@code sources} with {@code tests} (an assignment's hidden tests: the program then runs them instead of
     * main; null for the program itself) in a free worker.
     *
     * @throws CompileStoppedException when the compile ran past a limit or its worker died
     * @throws CompileUnavailableException when no worker became free in time or none could be started
     */
    public CompileResult compile(SourceBundle sources, HiddenTests tests) throws CompileStoppedException {
        Slot slot = takeFreeSlot();
        boolean warm = false;
        try {
            CompileWorker worker = slot.ready();
            try {
                CompileResult result = worker.compile(sources, tests, limits, watchdog);
                warm = true;
                return result;
            } catch (CompileStoppedException e) {
                LOG.log(System.Logger.Level.INFO, "A compile of " + sources.mainClass() + " was stopped: "
                        + e.getMessage());
                slot.restart();
                throw e;
            } catch (RuntimeException | Error e) {
                // Whatever broke, the worker may be mid-answer: only a fresh one is known to be in step.
                slot.restart();
                throw e;
            }
        } finally {
            // A slot whose worker is being replaced goes last, so that the next request finds a warm one if any.
            if (warm) {
                free.addFirst(slot);
            } else {
                free.addLast(slot);
            }
        }
    }

    private Slot takeFreeSlot() {
        if (closed) {
            throw new IllegalStateException("The compile pool is closed");
        }
        try {
            Slot slot = free.pollFirst(limits.wallTime().multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS);
            if (slot == null) {
                throw new CompileUnavailableException(
                        "Every compiler on the server is busy. Try again in half a minute.");
            }
            return slot;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompileUnavailableException("The server stopped waiting for a free compiler. Try again.");
        }
    }

    /** Stops every worker and removes their scratch folders. */
    @Override
    public void close() {
        closed = true;
        slots.forEach(Slot::discard);
        starter.shutdown();
        watchdog.close();
    }

    /** One place for a worker: the worker there now, or its start in progress. */
    private final class Slot {
        private CompletableFuture<CompileWorker> worker;

        /** Returns a live, warm worker, starting a fresh one if the one here died or never started. */
        CompileWorker ready() {
            CompileWorker current = await(current());
            if (current != null && current.isAlive()) {
                return current;
            }
            CompileWorker fresh = await(restart());
            if (fresh == null) {
                throw new CompileUnavailableException("The server could not start a compiler. Try again in half a"
                        + " minute; if it keeps happening, tell your course staff.");
            }
            return fresh;
        }

        synchronized CompletableFuture<CompileWorker> current() {
            if (worker == null) {
                worker = CompletableFuture.supplyAsync(this::launch, starter);
            }
            return worker;
        }

        /** Stops the worker here, if any, and starts a fresh one in the background. */
        synchronized CompletableFuture<CompileWorker> restart() {
            discard();
            return current();
        }

        synchronized void discard() {
            if (worker != null) {
                worker.thenAccept(CompileWorker::stop);
                worker = null;
            }
        }

        private CompileWorker launch() {
            if (closed) {
                throw new IllegalStateException("The compile pool is closed");
            }
            try {
                Files.createDirectories(workRoot);
                CompileWorker started = CompileWorker.start(launcher, limits,
                        Files.createTempDirectory(workRoot, "worker-"), START_TIME, watchdog);
                if (closed) {
                    started.stop();
                    throw new IllegalStateException("The compile pool is closed");
                }
                return started;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private CompileWorker await(CompletableFuture<CompileWorker> starting) {
            try {
                return starting.get(START_TIME.plusSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.log(System.Logger.Level.ERROR, "A compile worker could not be started", e);
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompileUnavailableException("The server stopped waiting for a compiler to start. Try again.");
            }
        }
    }
}
