package org.backprop.grader.compile.worker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains a worker's stderr on a daemon thread for as long as the worker lives, keeping only the last
 * {@link #KEPT_BYTES}: enough to log why a worker failed to start or crashed, never a growing buffer.
 */
final class StreamTail {
    static final int KEPT_BYTES = 16 * 1024;

    private final byte[] ring = new byte[KEPT_BYTES];
    private long written;

    StreamTail(String name, InputStream stream) {
        Thread thread = new Thread(() -> drain(stream), name);
        thread.setDaemon(true);
        thread.start();
    }

    private void drain(InputStream stream) {
        byte[] buffer = new byte[4096];
        try (stream) {
            int read;
            while ((read = stream.read(buffer)) != -1) {
                synchronized (ring) {
                    for (int i = 0; i < read; i++) {
                        ring[(int) (written++ % KEPT_BYTES)] = buffer[i];
                    }
                }
            }
        } catch (IOException e) {
            // The worker was killed and its pipe closed: what was read so far is all there is.
        }
    }

    /** Returns the last bytes the stream carried so far, as text. */
    String text() {
        synchronized (ring) {
            int kept = (int) Math.min(written, KEPT_BYTES);
            byte[] tail = new byte[kept];
            for (int i = 0; i < kept; i++) {
                tail[i] = ring[(int) ((written - kept + i) % KEPT_BYTES)];
            }
            return new String(tail, StandardCharsets.UTF_8);
        }
    }
}
