package org.backprop.grader.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the runner's framed stdout (see {@code run-program.mjs}) on its own thread: the program's stdout and
 * stderr, kept up to a shared byte budget; the platform's notices, which travel in frames the program's own
 * output can never produce; and how main ended. When the program prints past the budget, {@code onOverflow}
 * runs (it stops the program) and the rest is drained unread.
 */
final class ProgramOutput {
    /** Notices come from the runtime, a few per run; these bounds only keep a broken runtime from flooding. */
    private static final int MAX_NOTICES = 64;
    private static final int MAX_NOTICE_BYTES = 4096;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final List<String> notices = new ArrayList<>();
    private final Runnable onOverflow;
    private final Thread thread;
    private long budget;
    private boolean overflowed;
    private boolean garbled;
    private Integer exitCode;
    private boolean stalled;

    ProgramOutput(InputStream stream, long budget, Runnable onOverflow) {
        this.budget = budget;
        this.onOverflow = onOverflow;
        this.thread = new Thread(() -> read(stream), "sandbox-output");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void read(InputStream stream) {
        try (DataInputStream in = new DataInputStream(stream)) {
            while (true) {
                int type = in.read();
                if (type == -1) {
                    return;
                }
                int length = in.readInt();
                if (length < 0) {
                    throw new IOException("negative frame length");
                }
                frame((char) type, in, length);
            }
        } catch (EOFException e) {
            // The process ended in the middle of a frame (it was killed): what was read is all there is.
        } catch (IOException e) {
            synchronized (this) {
                garbled = true;
            }
            drain(stream);
        }
    }

    /** Reads the rest unkept, so that the process never blocks on a full pipe. */
    private static void drain(InputStream stream) {
        try {
            stream.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            // The process is gone.
        }
    }

    private void frame(char type, DataInputStream in, int length) throws IOException {
        switch (type) {
            case 'o' -> printed(stdout, in, length);
            case 'e' -> printed(stderr, in, length);
            case 'n' -> {
                String notice = text(in, length, MAX_NOTICE_BYTES);
                synchronized (this) {
                    if (notices.size() < MAX_NOTICES) {
                        notices.add(notice);
                    }
                }
            }
            case 'x', 's' -> {
                String code = text(in, length, 16);
                synchronized (this) {
                    stalled = type == 's';
                    exitCode = type == 'x' ? parseCode(code) : null;
                }
            }
            default -> throw new IOException("unknown frame type " + (int) type);
        }
    }

    /** Keeps what fits in the budget, reading a frame in pieces so that one huge print never sits in memory. */
    private void printed(ByteArrayOutputStream target, DataInputStream in, int length) throws IOException {
        byte[] piece = new byte[8192];
        int left = length;
        while (left > 0) {
            int read = in.read(piece, 0, Math.min(piece.length, left));
            if (read < 0) {
                throw new EOFException();
            }
            left -= read;
            boolean overflowNow;
            synchronized (this) {
                if (overflowed) {
                    continue;
                }
                target.write(piece, 0, (int) Math.min(read, Math.max(0, budget)));
                budget -= read;
                overflowNow = budget < 0;
                overflowed = overflowNow;
            }
            if (overflowNow) {
                onOverflow.run();
            }
        }
    }

    private static String text(DataInputStream in, int length, int limit) throws IOException {
        byte[] bytes = in.readNBytes(Math.min(length, limit));
        in.skipNBytes(length - bytes.length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Integer parseCode(String code) {
        try {
            return Integer.valueOf(code.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Waits until the stream has ended (the process is gone) or {@code millis} passed. */
    void awaitEnd(long millis) throws InterruptedException {
        thread.join(millis);
    }

    synchronized String stdout() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    synchronized String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    synchronized List<String> notices() {
        return List.copyOf(notices);
    }

    /** Returns whether the program printed more than its budget. */
    synchronized boolean overflowed() {
        return overflowed;
    }

    /** Returns whether the stream broke the framing: something other than the runner wrote to it. */
    synchronized boolean garbled() {
        return garbled;
    }

    /** Returns main's exit code, or null when main never reported one. */
    synchronized Integer exitCode() {
        return exitCode;
    }

    /** Returns whether main was found waiting for something that can no longer happen. */
    synchronized boolean stalled() {
        return stalled;
    }
}
