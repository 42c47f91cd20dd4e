package org.backprop.grader.compile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.backprop.grader.compile.worker.CompileStoppedException;
import org.backprop.grader.compile.worker.CompileWorkerPool;
import org.backprop.grader.compile.worker.JailedWorkerLauncher;
import org.backprop.grader.sandbox.SandboxConfig;
import org.backprop.grader.compile.worker.WorkerLimits;

/**
 * Compiles student programs to JavaScript ({@link CompilePipeline}: javac, the bytecode policy, TeaVM) in a pool of
 * separate, limited worker processes, never in this JVM. Results, compile errors included, are cached by the SHA-256
 * of the sources, and concurrent requests for the same sources share one compile. A compile stopped by a limit or by
 * its worker's death answers a failure that says why, and is not cached: it depends on the moment as much as on the
 * sources.
 *
 * <p>Thread-safe. Close it to stop the workers.
 */
public final class CompileService implements AutoCloseable {
    private final CompileWorkerPool workers;
    private final Map<String, CompileResult> cache;
    private final ConcurrentHashMap<String, CompletableFuture<CompileResult>> inFlight = new ConcurrentHashMap<>();

    /**
     * Makes a service with {@link WorkerLimits#DEFAULT} limits whose workers start on first use, jailed as the sandbox's
     * default user where the jail works.
     *
     * @param workRoot where each worker gets its scratch folder
     * @param cacheEntries how many distinct programs' results to keep
     * @param maxConcurrentCompiles how many worker processes compile at the same time
     */
    public CompileService(Path workRoot, int cacheEntries, int maxConcurrentCompiles) {
        this(new CompileWorkerPool(workRoot, maxConcurrentCompiles, WorkerLimits.DEFAULT,
                JailedWorkerLauncher.forThisMachine(SandboxConfig.DEFAULT_SANDBOX_UID)), cacheEntries);
    }

    /**
     * @param workers the pool that compiles; this service closes it
     * @param cacheEntries how many distinct programs' results to keep
     */
    public CompileService(CompileWorkerPool workers, int cacheEntries) {
        this.workers = workers;
        this.cache = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompileResult> eldest) {
                return size() > cacheEntries;
            }
        });
    }

    /**
     * Returns the compiled program or the diagnostics that explain why there is none.
     *
     * @throws CompileUnavailableException when no compile worker is free or can be started
     */
    public CompileResult compile(SourceBundle sources) {
        return compile(sources, null);
    }

    /**
     * Returns the program that runs an assignment's hidden {@code tests} against {@code sources} (their classes; main
     * is not run), compiled, or the diagnostics that explain why there is none (never quoting the hidden sources).
     *
     * @throws CompileUnavailableException when no compile worker is free or can be started
     */
    public CompileResult compileTests(SourceBundle sources, HiddenTests tests) {
        if (tests == null) {
            throw new IllegalArgumentException("tests must not be null");
        }
        return compile(sources, tests);
    }

    private CompileResult compile(SourceBundle sources, HiddenTests tests) {
        String key = tests == null ? contentHash(sources) : contentHash(sources) + "+tests:" + tests.sha256();
        CompileResult cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        CompletableFuture<CompileResult> mine = new CompletableFuture<>();
        CompletableFuture<CompileResult> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return await(running);
        }
        try {
            CompileResult result;
            try {
                result = workers.compile(sources, tests);
                cache.put(key, result);
            } catch (CompileStoppedException e) {
                result = CompileResult.failure(List.of(e.diagnostic()));
            }
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key);
        }
    }

    /** Returns whether the result for these sources is already cached. */
    public boolean isCached(SourceBundle sources) {
        return cache.containsKey(contentHash(sources));
    }

    /** Starts the compile workers in the background instead of on first use. */
    public void startWorkers() {
        workers.start();
    }

    /** Stops the compile workers. */
    @Override
    public void close() {
        workers.close();
    }

    private static String contentHash(SourceBundle sources) {
        return sources.sha256();
    }

    private static CompileResult await(CompletableFuture<CompileResult> running) {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the same program's compile", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
                    : new IllegalStateException(e.getCause());
        }
    }
}
