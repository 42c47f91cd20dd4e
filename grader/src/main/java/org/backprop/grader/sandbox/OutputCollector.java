package org.backprop.grader.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drains one output stream of a child process on its own thread, keeping at most the shared byte budget
 * and flagging when the budget is exceeded, so a program that prints forever cannot fill the server's
 * memory.
 */
final class OutputCollector {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final AtomicLong budget;
    private final Runnable onBudgetExceeded;
    private final Thread thread;

    OutputCollector(String name, InputStream stream, AtomicLong sharedBudget, Runnable onBudgetExceeded) {
        this.budget = sharedBudget;
        this.onBudgetExceeded = onBudgetExceeded;
        this.thread = new Thread(() -> drain(stream), name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void drain(InputStream stream) {
        byte[] buffer = new byte[8192];
        try (stream) {
            int read;
            while ((read = stream.read(buffer)) != -1) {
                long left = budget.addAndGet(-read);
                int keep = (int) Math.max(0, Math.min(read, left + read));
                synchronized (kept) {
                    kept.write(buffer, 0, keep);
                }
                if (left < 0) {
                    onBudgetExceeded.run();
                    return;
                }
            }
        } catch (IOException e) {
            // The process was killed and its pipe closed: what was read so far is all there is.
        }
    }

    /** Waits until the stream is drained (the process has ended), then returns the text kept. */
    String text() throws InterruptedException {
        thread.join(5_000);
        synchronized (kept) {
            return kept.toString(StandardCharsets.UTF_8);
        }
    }
}
