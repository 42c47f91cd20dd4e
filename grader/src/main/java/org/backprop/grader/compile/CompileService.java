package org.backprop.grader.compile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;

/**
 * Compiles student programs to JavaScript with a {@link CompilePipeline}. Results, failures included, are cached by
 * the SHA-256 of the sources, and concurrent requests for the same sources share one compile.
 *
 * <p>Thread-safe. TeaVM is memory- and CPU-hungry, so at most {@code maxConcurrentCompiles} run at once.
 */
public final class CompileService {
    private final CompilePipeline pipeline;
    private final Semaphore compileSlots;
    private final Map<String, CompileResult> cache;
    private final ConcurrentHashMap<String, CompletableFuture<CompileResult>> inFlight = new ConcurrentHashMap<>();

    /**
     * @param workRoot where temporary class and script folders go; each compile deletes its own
     * @param cacheEntries how many distinct programs' results to keep
     * @param maxConcurrentCompiles how many compiles may run at the same time
     */
    public CompileService(Path workRoot, int cacheEntries, int maxConcurrentCompiles) {
        this.pipeline = new CompilePipeline(workRoot);
        this.compileSlots = new Semaphore(maxConcurrentCompiles, true);
        this.cache = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompileResult> eldest) {
                return size() > cacheEntries;
            }
        });
    }

    /** Returns the compiled program or the diagnostics that explain why there is none. */
    public CompileResult compile(SourceBundle sources) {
        String key = contentHash(sources);
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
            CompileResult result = compileUncached(sources);
            cache.put(key, result);
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

    private CompileResult compileUncached(SourceBundle sources) {
        compileSlots.acquireUninterruptibly();
        try {
            return pipeline.compile(sources);
        } finally {
            compileSlots.release();
        }
    }

    private static String contentHash(SourceBundle sources) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            update(sha256, sources.mainClass());
            for (Map.Entry<String, String> file : sources.sortedFiles().entrySet()) {
                update(sha256, file.getKey());
                update(sha256, file.getValue());
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // Length-prefixing keeps ("ab", "c") and ("a", "bc") apart.
        digest.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
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
