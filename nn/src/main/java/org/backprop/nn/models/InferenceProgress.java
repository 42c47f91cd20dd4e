package org.backprop.nn.models;

import java.util.List;
import java.util.Map;
import org.backprop.nn.callbacks.Callback;
import org.backprop.nn.internal.RunObserver;

/**
 * Who hears of an {@code evaluate} or {@code predict} as it goes: the program's callbacks (Keras's
 * {@code on_test_*} and {@code on_predict_*} hooks) and the runtime's {@link RunObserver}, which shows a progress bar
 * in the browser so that a long inference is not silent. A fit's own validation and the run record's confusion
 * matrix use {@link #SILENT}: the fit reports its progress itself.
 */
final class InferenceProgress {
    /** Whether the steps evaluate or predict, as the observer hears it. */
    enum Kind {
        EVALUATE("evaluate"), PREDICT("predict");

        private final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    static final InferenceProgress SILENT = new InferenceProgress(null, null, Kind.PREDICT, List.of(), RunObserver.NONE);

    private final Model model;
    private final String modelName;
    private final Kind kind;
    private final List<Callback> callbacks;
    private final RunObserver observer;

    private InferenceProgress(Model model, String modelName, Kind kind, List<Callback> callbacks,
            RunObserver observer) {
        this.model = model;
        this.modelName = modelName;
        this.kind = kind;
        this.callbacks = callbacks;
        this.observer = observer;
    }

    /** Returns the progress of {@code model}'s inference of {@code kind}, heard by {@code callbacks} and observer. */
    static InferenceProgress of(Model model, Kind kind, List<Callback> callbacks, RunObserver observer) {
        for (Callback callback : callbacks) {
            if (callback == null) {
                throw new IllegalArgumentException("callbacks must not be null");
            }
        }
        return new InferenceProgress(model, model.name(), kind, List.copyOf(callbacks), observer);
    }

    void begin(int steps) {
        observer.inferenceStarted(modelName, kind.label, steps);
        for (Callback callback : callbacks) {
            if (kind == Kind.EVALUATE) {
                callback.onTestBegin(model);
            } else {
                callback.onPredictBegin(model);
            }
        }
    }

    /** Hears that step {@code step} (from 1) of {@code steps} was run. */
    void batchEnded(int step, int steps) {
        observer.inferenceBatchEnded(modelName, kind.label, step, steps);
        for (Callback callback : callbacks) {
            if (kind == Kind.EVALUATE) {
                callback.onTestBatchEnd(model, step, steps);
            } else {
                callback.onPredictBatchEnd(model, step, steps);
            }
        }
    }

    /** Hears the end: {@code logs} are evaluate's results, empty for predict. */
    void end(Map<String, Double> logs) {
        observer.inferenceEnded(modelName, kind.label);
        for (Callback callback : callbacks) {
            if (kind == Kind.EVALUATE) {
                callback.onTestEnd(model, logs);
            } else {
                callback.onPredictEnd(model);
            }
        }
    }
}
