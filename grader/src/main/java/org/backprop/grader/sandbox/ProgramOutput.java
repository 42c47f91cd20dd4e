package org.backprop.grader.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backprop.nn.json.JsonReader;

/**
 * Reads the runner's framed stdout (see {@code run-program.mjs}) on its own thread: the program's stdout and
 * stderr, kept up to a shared byte budget; the platform's notices, the run records of its fits and the models it
 * saved, which travel in frames the program's own output can never produce; and how main ended. When the program
 * prints past the budget, or reports more runs or saved models than {@link #MAX_RUN_RECORDS},
 * {@link #MAX_RUN_RECORD_BYTES}, {@link #MAX_SAVED_MODELS} and {@link #MAX_SAVED_MODEL_BYTES} allow (a program
 * that floods fits must not fill the grader's memory), {@code onOverflow} runs (it stops the program) and the rest
 * is drained unread.
 */
final class ProgramOutput {
    /** Notices come from the runtime, a few per run; these bounds only keep a broken runtime from flooding. */
    private static final int MAX_NOTICES = 64;
    private static final int MAX_NOTICE_BYTES = 4096;
    /** Far more fits than an assignment's runs and ablations; a program past it is flooding. */
    static final int MAX_RUN_RECORDS = 200;
    /** A record is a few KiB to a few tens of KiB (one entry per layer and epoch). */
    static final long MAX_RUN_RECORD_BYTES = 16L << 20;
    static final int MAX_SAVED_MODELS = 16;
    static final long MAX_SAVED_MODEL_BYTES = 128L << 20;
    /** Far more tests than an assignment's hidden tests; the runtime reports only the tests the runner runs. */
    static final int MAX_TEST_REPORTS = 1000;
    /** The runtime cuts a test's message at 2,000 characters. */
    static final int MAX_TEST_REPORT_BYTES = 16 * 1024;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final List<String> notices = new ArrayList<>();
    private final List<String> runRecords = new ArrayList<>();
    private final List<RunResult.SavedModel> savedModels = new ArrayList<>();
    private final List<TestReport> testReports = new ArrayList<>();
    private long runRecordBytes;
    private long savedModelBytes;
    private String reportLimit;
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
            case 'r' -> runRecord(in, length);
            case 'm' -> savedModel(in, length);
            case 't' -> testReport(in, length);
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

    private void runRecord(DataInputStream in, int length) throws IOException {
        String limit = null;
        synchronized (this) {
            if (runRecords.size() >= MAX_RUN_RECORDS || runRecordBytes + length > MAX_RUN_RECORD_BYTES) {
                limit = "Your program ran more than " + MAX_RUN_RECORDS + " fits (or their run records passed "
                        + (MAX_RUN_RECORD_BYTES >> 20) + " MiB) and was stopped. Train only the runs your report"
                        + " needs.";
            } else {
                runRecordBytes += length;
            }
        }
        if (limit != null) {
            stopReporting(in, length, limit);
            return;
        }
        String record = new String(exactly(in, length), StandardCharsets.UTF_8);
        synchronized (this) {
            runRecords.add(record);
        }
    }

    /** Reads a saved model: its name's length (2 bytes, big-endian), the name in UTF-8, then the model's bytes. */
    private void savedModel(DataInputStream in, int length) throws IOException {
        String limit = null;
        synchronized (this) {
            if (savedModels.size() >= MAX_SAVED_MODELS || savedModelBytes + length > MAX_SAVED_MODEL_BYTES) {
                limit = "Your program saved more than " + MAX_SAVED_MODELS + " models (or more than "
                        + (MAX_SAVED_MODEL_BYTES >> 20) + " MiB of them) and was stopped. Save only the models the"
                        + " assignment asks for.";
            } else {
                savedModelBytes += length;
            }
        }
        if (limit != null) {
            stopReporting(in, length, limit);
            return;
        }
        if (length < 2) {
            throw new IOException("a saved-model frame without a name");
        }
        int nameLength = in.readUnsignedShort();
        if (nameLength > length - 2) {
            throw new IOException("a saved-model name longer than its frame");
        }
        String name = new String(exactly(in, nameLength), StandardCharsets.UTF_8);
        byte[] bytes = exactly(in, length - 2 - nameLength);
        synchronized (this) {
            savedModels.add(new RunResult.SavedModel(name, bytes));
        }
    }

    /** Reads how a hidden test ended; past {@link #MAX_TEST_REPORTS} the rest is not kept. */
    private void testReport(DataInputStream in, int length) throws IOException {
        if (length > MAX_TEST_REPORT_BYTES) {
            throw new IOException("a test report of " + length + " bytes");
        }
        String json = new String(exactly(in, length), StandardCharsets.UTF_8);
        TestReport report;
        try {
            report = readTestReport(json);
        } catch (RuntimeException e) {
            throw new IOException("a malformed test report", e);
        }
        synchronized (this) {
            if (testReports.size() < MAX_TEST_REPORTS) {
                testReports.add(report);
            }
        }
    }

    private static TestReport readTestReport(String json) {
        JsonReader reader = new JsonReader(json);
        String test = null;
        TestReport.Outcome outcome = null;
        String message = null;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "test" -> test = reader.nextString();
                case "outcome" -> outcome = TestReport.Outcome.valueOf(reader.nextString().toUpperCase(Locale.ROOT));
                case "message" -> message = reader.nextIfNull() ? null : reader.nextString();
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        reader.endDocument();
        return new TestReport(test, outcome, message);
    }

    /** Returns the next {@code length} bytes; the frame is cut off (the process was killed) when there are fewer. */
    private static byte[] exactly(DataInputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new EOFException();
        }
        return bytes;
    }

    /** Remembers why the program is stopped, stops it (once), and skips the report past the caps unread. */
    private void stopReporting(DataInputStream in, int length, String message) throws IOException {
        boolean first;
        synchronized (this) {
            first = reportLimit == null;
            if (first) {
                reportLimit = message;
            }
        }
        if (first) {
            onOverflow.run();
        }
        in.skipNBytes(length);
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

    synchronized List<String> runRecords() {
        return List.copyOf(runRecords);
    }

    synchronized List<RunResult.SavedModel> savedModels() {
        return List.copyOf(savedModels);
    }

    synchronized List<TestReport> testReports() {
        return List.copyOf(testReports);
    }

    /** Returns why the program was stopped for reporting too many runs or saved models; null when it was not. */
    synchronized String reportLimit() {
        return reportLimit;
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
