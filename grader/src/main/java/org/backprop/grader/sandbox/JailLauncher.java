package org.backprop.grader.sandbox;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Starts jailed processes from one thread that lives as long as the JVM. Bubblewrap's {@code --die-with-parent}
 * (the jail ends when the server does) is Linux's parent-death signal, and that follows the <em>thread</em> that
 * started the process: a compile worker started by a pool thread was killed (exit 137) when that thread ended, long
 * before the server did.
 */
public final class JailLauncher {
    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "jail-launcher");
        thread.setDaemon(true);
        return thread;
    });

    private JailLauncher() {
    }

    /** Starts {@code builder}'s process on the launcher thread and returns it. */
    public static Process start(ProcessBuilder builder) throws IOException {
        Future<Process> starting = THREAD.submit(builder::start);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    Process process = starting.get();
                    if (interrupted) {
                        // The caller gave up while it started: it will never wait for it, so nothing may outlive it.
                        process.destroyForcibly();
                        throw new InterruptedIOException("interrupted while the jailed process started");
                    }
                    return process;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("Could not start a jailed process", e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
