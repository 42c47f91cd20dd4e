package org.backprop.grader.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains one output stream of a child process on its own thread and keeps its first {@code limit} bytes: Node's
 * own messages on stderr (a crash, V8 running out of memory), which the program's output never reaches.
 */
final class OutputCollector {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final int limit;
    private final Thread thread;

    OutputCollector(String name, InputStream stream, int limit) {
        this.limit = limit;
        this.thread = new Thread(() -> drain(stream), name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void drain(InputStream stream) {
        byte[] buffer = new byte[8192];
        try (stream) {
            int read;
            while ((read = stream.read(buffer)) != -1) {
                synchronized (kept) {
                    kept.write(buffer, 0, Math.min(read, Math.max(0, limit - kept.size())));
                }
            }
        } catch (IOException e) {
            // The process was killed and its pipe closed: what was read so far is all there is.
        }
    }

    /** Waits until the stream is drained (the process has ended) or {@code millis} passed, then returns the text. */
    String text(long millis) throws InterruptedException {
        thread.join(millis);
        synchronized (kept) {
            return kept.toString(StandardCharsets.UTF_8);
        }
    }
}
