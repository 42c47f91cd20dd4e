package org.backprop.grader.compile.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.backprop.grader.compile.CompileResult;
import org.backprop.grader.compile.Diagnostic;
import org.backprop.grader.compile.HiddenTests;
import org.backprop.grader.compile.SourceBundle;
import org.junit.jupiter.api.Test;

class WorkerProtocolTest {

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static DataInputStream written(Writer writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        }
        return new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    }

    @Test
    void carriesARequestWithEveryFileAndNonAsciiText() throws IOException {
        SourceBundle sources = new SourceBundle("hw.Main", Map.of(
                "hw/Main.java", "package hw;\npublic class Main { String s = \"Größe ∑ 😀\"; }\n",
                "hw/Net.java", ""));
        assertEquals(sources,
                WorkerProtocol.readRequest(written(out -> WorkerProtocol.writeRequest(out, sources))).sources());
    }

    @Test
    void carriesARequestWithHiddenTests() throws IOException {
        SourceBundle sources = new SourceBundle("Main", Map.of("Main.java", "public class Main { }"));
        HiddenTests tests = new HiddenTests(Map.of("hidden/NetTest.java", "public class NetTest { }"),
                List.of(new HiddenTests.TestCase("NetTest", "builds", false),
                        new HiddenTests.TestCase("NetTest", "saves", true)));
        WorkerProtocol.Request request =
                WorkerProtocol.readRequest(written(out -> WorkerProtocol.writeRequest(out, sources, tests)));
        assertEquals(new WorkerProtocol.Request(sources, tests), request);
        assertEquals(new WorkerProtocol.Request(sources, null),
                WorkerProtocol.readRequest(written(out -> WorkerProtocol.writeRequest(out, sources))));
    }

    @Test
    void carriesAResultWithJavaScriptAndDiagnosticsWithAndWithoutPlaces() throws IOException {
        CompileResult result = new CompileResult("export function main() {}", List.of(
                new Diagnostic("model/Net.java", 3, 32, Diagnostic.Severity.WARNING, "unchecked call\n  to x"),
                new Diagnostic(null, null, null, Diagnostic.Severity.NOTE, "a note"),
                Diagnostic.error("Main.java", "no main")));
        assertEquals(new WorkerProtocol.Compiled(result),
                WorkerProtocol.readAnswer(written(out -> WorkerProtocol.writeResult(out, result))));
    }

    @Test
    void carriesAFailedCompileWithoutJavaScript() throws IOException {
        CompileResult failed = new CompileResult(null, List.of(Diagnostic.error(null, "There is no class Main")));
        assertEquals(new WorkerProtocol.Compiled(failed),
                WorkerProtocol.readAnswer(written(out -> WorkerProtocol.writeResult(out, failed))));
    }

    @Test
    void carriesAWorkerSideFailure() throws IOException {
        String message = "java.io.UncheckedIOException: disk full";
        assertEquals(new WorkerProtocol.Failed(message),
                WorkerProtocol.readAnswer(written(out -> WorkerProtocol.writeFailure(out, message))));
    }

    @Test
    void acceptsOnlyItsOwnReadyFrame() throws IOException {
        WorkerProtocol.readReady(written(WorkerProtocol::writeReady));
        assertThrows(IOException.class, () -> WorkerProtocol.readReady(written(out -> out.writeBytes("Picked up"))));
    }

    @Test
    void refusesALengthOverTheLimitBeforeAllocatingIt() throws IOException {
        DataInputStream huge = written(out -> {
            out.writeByte(2);
            out.writeInt(WorkerProtocol.MAX_STRING_BYTES + 1);
        });
        IOException refused = assertThrows(IOException.class, () -> WorkerProtocol.readAnswer(huge));
        assertEquals("string length " + (WorkerProtocol.MAX_STRING_BYTES + 1) + " is out of range",
                refused.getMessage());
    }

    @Test
    void endsInEofWhenAnAnswerBreaksOff() throws IOException {
        CompileResult result = new CompileResult("js", List.of());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WorkerProtocol.writeResult(new DataOutputStream(bytes), result);
        byte[] cut = java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() - 2);
        DataInputStream brokenOff = new DataInputStream(new ByteArrayInputStream(cut));
        assertThrows(EOFException.class, () -> WorkerProtocol.readAnswer(brokenOff));
    }
}
