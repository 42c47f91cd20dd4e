package org.backprop.grader.compile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import org.backprop.grader.io.TempFolders;
import org.backprop.grader.policy.BytecodePolicy;

/**
 * Compiles student programs to JavaScript: javac against {@code nn}, the bytecode policy check, then a generated
 * launcher against the web runtime, then TeaVM. Results, failures included, are cached by the SHA-256 of the sources, and
 * concurrent requests for the same sources share one compile.
 *
 * <p>Thread-safe. TeaVM is memory- and CPU-hungry, so at most {@code maxConcurrentCompiles} run at once.
 */
public final class CompileService {
    private final JavaSourceCompiler javac = new JavaSourceCompiler();
    private final BytecodePolicy policy = new BytecodePolicy();
    private final TeaVmTranslator teavm = new TeaVmTranslator();
    private final Path workRoot;
    private final Semaphore compileSlots;
    private final Map<String, CompileResult> cache;
    private final ConcurrentHashMap<String, CompletableFuture<CompileResult>> inFlight = new ConcurrentHashMap<>();

    /**
     * @param workRoot where temporary class and script folders go; each compile deletes its own
     * @param cacheEntries how many distinct programs' results to keep
     * @param maxConcurrentCompiles how many compiles may run at the same time
     */
    public CompileService(Path workRoot, int cacheEntries, int maxConcurrentCompiles) {
        this.workRoot = workRoot;
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
        Path workDir = null;
        try {
            Files.createDirectories(workRoot);
            workDir = Files.createTempDirectory(workRoot, "compile-");
            Path classes = Files.createDirectory(workDir.resolve("classes"));

            JavaSourceCompiler.Outcome student = javac.compile(sources.sortedFiles(), CompileClasspath.student(), classes);
            if (!student.succeeded()) {
                return CompileResult.failure(student.diagnostics());
            }
            List<Diagnostic> refused = policy.check(classes, sources.files().keySet());
            if (!refused.isEmpty()) {
                List<Diagnostic> all = new ArrayList<>(student.diagnostics());
                all.addAll(refused);
                return CompileResult.failure(all);
            }
            List<Diagnostic> diagnostics = new ArrayList<>(student.diagnostics());

            List<Path> launcherClasspath = new ArrayList<>(CompileClasspath.launcher());
            launcherClasspath.add(0, classes);
            JavaSourceCompiler.Outcome launcher =
                    javac.compile(Launcher.source(sources.mainClass()), launcherClasspath, classes);
            if (!launcher.succeeded()) {
                diagnostics.add(missingMain(sources, classes));
                return CompileResult.failure(diagnostics);
            }

            TeaVmTranslator.Outcome translated =
                    teavm.translate(classes, Launcher.CLASS_NAME, Files.createDirectory(workDir.resolve("js")));
            diagnostics.addAll(translated.diagnostics());
            return translated.js() == null ? CompileResult.failure(diagnostics)
                    : CompileResult.success(translated.js(), diagnostics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            compileSlots.release();
            TempFolders.deleteQuietly(workDir);
        }
    }

    private static Diagnostic missingMain(SourceBundle sources, Path classes) {
        String mainClass = sources.mainClass();
        String expectedFile = mainClass.replace('.', '/') + ".java";
        String file = sources.files().containsKey(expectedFile) ? expectedFile : null;
        if (!Files.exists(classes.resolve(mainClass.replace('.', '/') + ".class"))) {
            return Diagnostic.error(file, "There is no class " + mainClass
                    + " in your files: check the class name and its package declaration.");
        }
        return Diagnostic.error(file, "The class " + mainClass
                + " has no method \"public static void main(String[] args)\" to start the program with.");
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
