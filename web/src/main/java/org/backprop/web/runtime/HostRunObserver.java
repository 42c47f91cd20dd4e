package org.backprop.web.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.nn.internal.ProgressThrottle;
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
 *   progress(json),                           // each training fit's progress, for live charts (below)
 * };
 * </pre>
 *
 * <p>{@code progress} hears, as JSON text, {@code {"event": "start", "run", "epochs", "steps"}} when a fit that trains
 * starts, {@code {"event": "batch", "run", "epoch", "step", "steps", "loss"}} (the epoch's mean loss so far) at most
 * every {@link ProgressThrottle#INTERVAL_MS} ms within an epoch, and {@code {"event": "epoch", "run", "epoch",
 * "epochs", "logs": {metric: value}}} as each epoch ends, its logs those of the run's history (NaN as null). A batch
 * report costs the fit a readback; without {@code progress} (the grader) none is made and nothing is sent.
 *
 * <p>The program's own {@code evaluate} and {@code predict} report too, so that a long one is not silent:
 * {@code {"event": "infer-start", "model", "kind": "evaluate" | "predict", "steps"}}, then {@code {"event":
 * "infer-batch", "model", "kind", "step", "steps"}} at most every {@link ProgressThrottle#INTERVAL_MS} ms (these read
 * nothing back), then {@code {"event": "infer-end", "model", "kind"}}. A fit's own validation sends none of them.
 *
 * <p>A member the host leaves out means: train, do not probe, ignore. Installed by {@link ProgramRuntime} only when the
 * host defines the object; without it every run trains and nothing is reported.
 */
final class HostRunObserver implements RunObserver {
    /** Read once: the host decides before main runs, and a program cannot reach the global to change it. */
    private final boolean probes = probesOf();
    /** Read once too: whether the host listens to progress; when not, progress costs the fit nothing. */
    private final boolean progress = progressOf();
    private final ProgressThrottle throttle = new ProgressThrottle(System::currentTimeMillis);

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

    @Override
    public void fitStarted(String runName, int epochs, int stepsPerEpoch) {
        if (!progress) {
            return;
        }
        throttle.restart();
        sendProgress(new JsonWriter().beginObject().name("event").value("start").name("run").value(runName)
                .name("epochs").value(epochs).name("steps").value(stepsPerEpoch).endObject().toString());
    }

    @Override
    public boolean wantsBatchLoss(String runName, int epoch, int step, int stepsPerEpoch) {
        return progress && throttle.due();
    }

    @Override
    public void batchEnded(String runName, int epoch, int step, int stepsPerEpoch, double loss) {
        if (!progress) {
            return;
        }
        // From the end of the readback, which waited for every step queued before it: a GPU that lags far behind
        // would otherwise make the next step due at once.
        throttle.restart();
        sendProgress(new JsonWriter().beginObject().name("event").value("batch").name("run").value(runName)
                .name("epoch").value(epoch).name("step").value(step).name("steps").value(stepsPerEpoch)
                .name("loss").value(loss).endObject().toString());
    }

    @Override
    public void epochEnded(String runName, int epoch, int epochs, Map<String, Double> logs) {
        if (!progress) {
            return;
        }
        // The epoch's news is fresh: the next batch report waits a whole interval from here.
        throttle.restart();
        JsonWriter json = new JsonWriter().beginObject().name("event").value("epoch").name("run").value(runName)
                .name("epoch").value(epoch).name("epochs").value(epochs).name("logs").beginObject();
        for (Map.Entry<String, Double> metric : logs.entrySet()) {
            json.name(metric.getKey()).value(metric.getValue());
        }
        sendProgress(json.endObject().endObject().toString());
    }

    @Override
    public void inferenceStarted(String model, String kind, int steps) {
        if (!progress) {
            return;
        }
        throttle.restart();
        sendProgress(inference("infer-start", model, kind).name("steps").value(steps).endObject().toString());
    }

    @Override
    public void inferenceBatchEnded(String model, String kind, int step, int steps) {
        if (!progress || !throttle.due()) {
            return;
        }
        sendProgress(inference("infer-batch", model, kind).name("step").value(step).name("steps").value(steps)
                .endObject().toString());
    }

    @Override
    public void inferenceEnded(String model, String kind) {
        if (!progress) {
            return;
        }
        throttle.restart();
        sendProgress(inference("infer-end", model, kind).endObject().toString());
    }

    private static JsonWriter inference(String event, String model, String kind) {
        return new JsonWriter().beginObject().name("event").value(event).name("model").value(model).name("kind")
                .value(kind);
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

    @JSBody(script = "return typeof backpropRuns.progress === 'function';")
    private static native boolean progressOf();

    /** Sends one progress report; a host that fails to take it (a chart's bug) does not stop the program. */
    @JSBody(params = "json", script = "try { backpropRuns.progress(json); } catch (e) {}")
    private static native void sendProgress(String json);

    @JSBody(params = {"name", "bytes"}, script = "if (typeof backpropRuns.modelSaved === 'function') {"
            + " backpropRuns.modelSaved(name, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)); }")
    private static native void modelSavedOf(String name, Int8Array bytes);
}
