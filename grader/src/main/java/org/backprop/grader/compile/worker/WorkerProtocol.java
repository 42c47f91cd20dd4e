package org.backprop.grader.compile.worker;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.grader.compile.CompileResult;
import org.backprop.grader.compile.Diagnostic;
import org.backprop.grader.compile.HiddenTests;
import org.backprop.grader.compile.SourceBundle;

/**
 * The frames the server and a compile worker exchange over the worker's stdin and stdout, one compile at a time.
 *
 * <p>The worker announces itself with {@code READY} once it is warm. The server then sends requests: the main class
 * and the files, then whether hidden tests come with them and, if so, their files and test methods (the worker then
 * compiles the program that runs the tests instead of main). The worker answers each with {@code RESULT} (the JavaScript, if any, and the diagnostics) or, when the
 * compile failed on the worker's side rather than the student's, {@code ERROR} with a message for the server's log.
 * Closing the worker's stdin ends it. Strings are a length in bytes (-1 for none) and UTF-8; every length read is
 * checked against a limit, so that a garbled or hostile stream ends in an {@link IOException}, never in a huge
 * allocation.
 */
public final class WorkerProtocol {
    /** Opens the {@code READY} frame, so that stray output on the worker's stdout is never taken for an answer. */
    static final int MAGIC = 0x42505257;
    static final int MAX_STRING_BYTES = 64 * 1024 * 1024;
    static final int MAX_ITEMS = 100_000;

    private static final byte READY = 1;
    private static final byte RESULT = 2;
    private static final byte ERROR = 3;

    private WorkerProtocol() {
    }

    /** What the worker answered a request with. */
    public sealed interface Answer {
    }

    /** The compile ran: the student's result. */
    public record Compiled(CompileResult result) implements Answer {
    }

    /** The compile failed on the worker's side; {@code message} is for the server's log, not for students. */
    public record Failed(String message) implements Answer {
    }

    public static void writeReady(DataOutput out) throws IOException {
        out.writeByte(READY);
        out.writeInt(MAGIC);
    }

    /** Reads the worker's first frame; throws when it is anything but {@code READY}. */
    public static void readReady(DataInput in) throws IOException {
        if (in.readByte() != READY || in.readInt() != MAGIC) {
            throw new IOException("the worker's first frame is not READY");
        }
    }

    /** A compile request: the program, and the hidden tests to compile with it (null: compile the program). */
    public record Request(SourceBundle sources, HiddenTests tests) {
    }

    public static void writeRequest(DataOutput out, SourceBundle sources) throws IOException {
        writeRequest(out, sources, null);
    }

    public static void writeRequest(DataOutput out, SourceBundle sources, HiddenTests tests) throws IOException {
        writeString(out, sources.mainClass());
        writeFiles(out, sources.sortedFiles());
        out.writeBoolean(tests != null);
        if (tests != null) {
            writeFiles(out, tests.files());
            out.writeInt(tests.cases().size());
            for (HiddenTests.TestCase test : tests.cases()) {
                writeString(out, test.className());
                writeString(out, test.method());
                out.writeBoolean(test.isStatic());
            }
        }
    }

    /**
     * Reads a request; the bundle's and the tests' own checks apply again, so the worker compiles nothing a server
     * could not send.
     */
    public static Request readRequest(DataInput in) throws IOException {
        String mainClass = readString(in);
        SourceBundle sources = new SourceBundle(mainClass, readFiles(in));
        if (!in.readBoolean()) {
            return new Request(sources, null);
        }
        Map<String, String> testFiles = readFiles(in);
        int count = readCount(in);
        List<HiddenTests.TestCase> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            try {
                cases.add(new HiddenTests.TestCase(readString(in), readString(in), in.readBoolean()));
            } catch (IllegalArgumentException e) {
                throw new IOException("a malformed test: " + e.getMessage(), e);
            }
        }
        try {
            return new Request(sources, new HiddenTests(testFiles, cases));
        } catch (IllegalArgumentException e) {
            throw new IOException("malformed hidden tests: " + e.getMessage(), e);
        }
    }

    private static void writeFiles(DataOutput out, Map<String, String> files) throws IOException {
        out.writeInt(files.size());
        for (Map.Entry<String, String> file : new java.util.TreeMap<>(files).entrySet()) {
            writeString(out, file.getKey());
            writeString(out, file.getValue());
        }
    }

    private static Map<String, String> readFiles(DataInput in) throws IOException {
        int count = readCount(in);
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            files.put(readString(in), readString(in));
        }
        return files;
    }

    public static void writeResult(DataOutput out, CompileResult result) throws IOException {
        out.writeByte(RESULT);
        writeString(out, result.js());
        out.writeInt(result.diagnostics().size());
        for (Diagnostic diagnostic : result.diagnostics()) {
            writeString(out, diagnostic.file());
            writeInteger(out, diagnostic.line());
            writeInteger(out, diagnostic.column());
            out.writeByte(diagnostic.severity().ordinal());
            writeString(out, diagnostic.message());
        }
    }

    public static void writeFailure(DataOutput out, String message) throws IOException {
        out.writeByte(ERROR);
        writeString(out, message);
    }

    public static Answer readAnswer(DataInput in) throws IOException {
        byte tag = in.readByte();
        if (tag == ERROR) {
            return new Failed(readString(in));
        }
        if (tag != RESULT) {
            throw new IOException("unknown answer frame " + tag);
        }
        String js = readString(in);
        int count = readCount(in);
        List<Diagnostic> diagnostics = new ArrayList<>(count);
        Diagnostic.Severity[] severities = Diagnostic.Severity.values();
        for (int i = 0; i < count; i++) {
            String file = readString(in);
            Integer line = readInteger(in);
            Integer column = readInteger(in);
            int severity = in.readByte();
            if (severity < 0 || severity >= severities.length) {
                throw new IOException("unknown severity " + severity);
            }
            diagnostics.add(new Diagnostic(file, line, column, severities[severity], readString(in)));
        }
        return new Compiled(new CompileResult(js, diagnostics));
    }

    private static void writeString(DataOutput out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInput in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > MAX_STRING_BYTES) {
            throw new IOException("string length " + length + " is out of range");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void writeInteger(DataOutput out, Integer value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeInt(value);
        }
    }

    private static Integer readInteger(DataInput in) throws IOException {
        return in.readBoolean() ? in.readInt() : null;
    }

    private static int readCount(DataInput in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > MAX_ITEMS) {
            throw new IOException("count " + count + " is out of range");
        }
        return count;
    }
}
