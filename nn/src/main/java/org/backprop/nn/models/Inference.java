package org.backprop.nn.models;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.backend.Backend;
import org.backprop.nn.backend.Backends;
import org.backprop.nn.data.Dataset;
import org.backprop.nn.data.ExampleSource;
import org.backprop.nn.internal.TensorInternals;
import org.backprop.nn.metrics.Metric;

/** The loops of {@code evaluate} and {@code predict}: batches in inference mode, one backend step each. */
final class Inference {
    private Inference() {
    }

    /**
     * Returns the loss and metrics on {@code data} by name, "loss" first, from the model's {@link Model#testStep}:
     * the compiled loss and metrics, then the trackers a step of the program's own returned.
     */
    static Map<String, Double> evaluate(Model model, List<Metric> metrics, ExampleSource data, int batchSize,
            InferenceProgress progress) {
        checkBatchSize(batchSize);
        if (data.size() == 0) {
            throw new IllegalArgumentException("evaluate needs at least one example, got none");
        }
        for (Metric metric : metrics) {
            metric.reset();
        }
        for (Metric metric : model.metrics()) {
            metric.reset();
        }
        Backend backend = Backends.current();
        StepResults steps = new StepResults(backend);
        // fit's validation runs between epochs: the fit's own results are given back afterwards.
        StepResults fitResults = model.keepCompiledResultsIn(steps);
        List<Metric> trackers = List.of();
        int stepCount = data.batchCount(batchSize);
        progress.begin(stepCount);
        int step = 0;
        try {
            for (Dataset batch : data.batches(batchSize)) {
                backend.beginStep();
                try {
                    trackers = model.checkedTrackers(model.testStep(batch), "testStep");
                } finally {
                    backend.endStep();
                }
                progress.batchEnded(++step, stepCount);
            }
        } finally {
            model.keepCompiledResultsIn(fitResults);
        }
        StepResults.Totals totals = steps.finish(metrics);
        Map<String, Double> results = new LinkedHashMap<>();
        if (totals.examples > 0) {
            results.put("loss", totals.weightedLoss / totals.examples);
            for (Metric metric : metrics) {
                results.put(metric.name(), metric.result());
            }
        }
        for (Metric tracker : trackers) {
            results.put(tracker.name(), tracker.result());
        }
        progress.end(results);
        return results;
    }

    /** Returns the model's outputs for the examples of {@code x} (batch first), in batches of {@code batchSize}. */
    static Tensor predict(Model model, Tensor x, int batchSize, InferenceProgress progress) {
        checkBatchSize(batchSize);
        if (x.rank() == 0) {
            throw new IllegalArgumentException("predict needs a batch of examples, got a scalar");
        }
        int examples = x.dim(0);
        return predict(model, examples, (examples + batchSize - 1) / batchSize,
                step -> Batches.range(x, step * batchSize, Math.min(examples, (step + 1) * batchSize)), progress);
    }

    /** Returns the model's outputs for the features of {@code data}, in batches of {@code batchSize}. */
    static Tensor predict(Model model, ExampleSource data, int batchSize, InferenceProgress progress) {
        checkBatchSize(batchSize);
        // Batches are read one at a time: a stored split is decoded as it is reached, never held whole.
        Iterator<Dataset> batches = data.batches(batchSize).iterator();
        return predict(model, data.size(), data.batchCount(batchSize), step -> batches.next().features(), progress);
    }

    private static Tensor predict(Model model, int examples, int steps, IntFunction<Tensor> batch,
            InferenceProgress progress) {
        if (examples == 0) {
            throw new IllegalArgumentException("predict needs at least one example, got none");
        }
        Backend backend = Backends.current();
        List<float[]> parts = new ArrayList<>();
        int[] shape = null;
        progress.begin(steps);
        for (int step = 0; step < steps; step++) {
            Tensor inputs = batch.apply(step);
            backend.beginStep();
            try {
                Tensor output = model.call(inputs, false);
                shape = output.shape();
                parts.add(TensorInternals.values(output));
            } finally {
                backend.endStep();
            }
            progress.batchEnded(step + 1, steps);
        }
        int rowSize = Shapes.size(Shapes.withoutBatch(shape));
        float[] values = new float[examples * rowSize];
        int offset = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, values, offset, part.length);
            offset += part.length;
        }
        shape[0] = examples;
        progress.end(Map.of());
        return TensorInternals.wrap(shape, values);
    }

    private static void checkBatchSize(int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
        }
    }
}
