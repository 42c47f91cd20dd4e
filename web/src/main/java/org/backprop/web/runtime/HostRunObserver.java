package org.backprop.web.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.nn.internal.RunObserver;
import org.backprop.nn.json.JsonReader;
import org.backprop.nn.json.JsonWriter;
import org.backprop.nn.records.RunRecord;
import org.backprop.nn.records.RunRecordJson;
import org.teavm.jso.JSBody;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * Tells the JavaScript host the program runs in about its fits, through {@code globalThis.backpropRuns}: the page's
 * worker sends each ended run to the team's experiment log; the grader's {@code run-program.mjs} reports it on a
 * channel the program cannot write and answers which runs train. The protocol:
 *
 * <pre>
 * globalThis.backpropRuns = {
 *   shouldTrain(name, tagsJson) -> boolean,   // false: fit describes the run without training it
 *   standInHistory(name) -> json | undefined, // for a run not trained: the history fit returns ({metric: [..]})
 *   ended(recordJson),                        // once per fit, the run record (RunRecordJson)
 *   probes: boolean,                          // whether fits probe their model's behaviour for the record
 *   modelSaved(name, bytes: Uint8Array),      // a model the program saved
 * };
 * </pre>
 *
 * A member the host leaves out means: train, do not probe, ignore. Installed by {@link ProgramRuntime} only when the
 * host defines the object; without it every run trains and nothing is reported.
 */
final class HostRunObserver implements RunObserver {
    /** Read once: the host decides before main runs, and a program cannot reach the global to change it. */
    private final boolean probes = probesOf();

    /** Returns whether the host wants to hear of runs at all. */
    @JSBody(script = "return typeof backpropRuns === 'object' && backpropRuns !== null;")
    static native boolean available();

    @Override
    public boolean shouldTrain(String runName, List<String> tags) {
        JsonWriter json = new JsonWriter().beginArray();
        for (String tag : tags) {
            json.value(tag);
        }
        return shouldTrainOf(runName, json.endArray().toString());
    }

    @Override
    public Map<String, List<Double>> standInHistory(String runName) {
        String json = standInOf(runName);
        Map<String, List<Double>> history = new LinkedHashMap<>();
        if (json == null) {
            return history;
        }
        JsonReader reader = new JsonReader(json);
        reader.beginObject();
        while (reader.hasNext()) {
            String metric = reader.nextName();
            List<Double> values = new ArrayList<>();
            reader.beginArray();
            while (reader.hasNext()) {
                values.add(reader.nextDouble());
            }
            reader.endArray();
            history.put(metric, values);
        }
        reader.endObject();
        return history;
    }

    @Override
    public void runEnded(RunRecord record) {
        ended(RunRecordJson.write(record));
    }

    @Override
    public boolean probesBehaviour() {
        return probes;
    }

    @Override
    public void modelSaved(String name, byte[] savedModel) {
        modelSavedOf(name, Int8Array.copyFromJavaArray(savedModel));
    }

    @JSBody(params = {"name", "tagsJson"}, script = "return typeof backpropRuns.shouldTrain !== 'function'"
            + " || backpropRuns.shouldTrain(name, tagsJson) !== false;")
    private static native boolean shouldTrainOf(String name, String tagsJson);

    @JSBody(params = "name", script = "if (typeof backpropRuns.standInHistory !== 'function') { return null; }"
            + " var json = backpropRuns.standInHistory(name); return typeof json === 'string' ? json : null;")
    private static native String standInOf(String name);

    @JSBody(params = "recordJson", script = "if (typeof backpropRuns.ended === 'function') {"
            + " backpropRuns.ended(recordJson); }")
    private static native void ended(String recordJson);

    @JSBody(script = "return backpropRuns.probes === true;")
    private static native boolean probesOf();

    @JSBody(params = {"name", "bytes"}, script = "if (typeof backpropRuns.modelSaved === 'function') {"
            + " backpropRuns.modelSaved(name, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)); }")
    private static native void modelSavedOf(String name, Int8Array bytes);
}
