package org.backprop.web.runtime;

import org.backprop.nn.json.JsonWriter;
import org.teavm.jso.JSBody;

/**
 * Tells the host how each hidden test ended, through {@code globalThis.backpropTests.result(json)}: the grader's
 * {@code run-program.mjs} writes it on a channel the program's output cannot reach. The JSON is
 * {@code {"test": "Class.method", "outcome": "passed" | "failed" | "errored", "message": string | null}}. Without
 * the host's object the outcome is printed instead, for a developer running the tests by hand.
 */
final class HostTestReporter {
    /** Longer messages are cut: a test's message is a sentence, and the host caps what it keeps anyway. */
    private static final int MAX_MESSAGE_CHARS = 2000;

    private HostTestReporter() {
    }

    static void report(String test, HiddenTest.Result result) {
        String message = result.message();
        if (message != null && message.length() > MAX_MESSAGE_CHARS) {
            message = message.substring(0, MAX_MESSAGE_CHARS) + "...";
        }
        String outcome = result.outcome().name().toLowerCase();
        JsonWriter json = new JsonWriter().beginObject().name("test").value(test).name("outcome").value(outcome)
                .name("message");
        json = message == null ? json.nullValue() : json.value(message);
        String text = json.endObject().toString();
        if (available()) {
            result(text);
        } else {
            System.out.println(test + ": " + outcome + (message == null ? "" : ": " + message));
        }
    }

    @JSBody(script = "return typeof backpropTests === 'object' && backpropTests !== null"
            + " && typeof backpropTests.result === 'function';")
    private static native boolean available();

    @JSBody(params = "json", script = "backpropTests.result(json);")
    private static native void result(String json);
}
