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
        totals.putLogs(model.lossOutputNames(), metrics, results);
        for (Metric tracker : trackers) {
            results.put(tracker.name(), tracker.result());
        }
        progress.end(results);
        return results;
    }

    /** Returns the model's outputs for the examples of {@code x} (batch first), in batches of {@code batchSize}. */
    static Tensor predict(Model model, Tensor x, int batchSize, InferenceProgress progress) {
        return predict(model, List.of(x), batchSize, progress).get(0);
    }

    /**
     * Returns the model's outputs, one array per output, for the examples of {@code x} (one array per input, batch
     * first), in batches of {@code batchSize}.
     */
    static List<Tensor> predict(Model model, List<Tensor> x, int batchSize, InferenceProgress progress) {
        checkBatchSize(batchSize);
        for (Tensor array : x) {
            if (array.rank() == 0) {
                throw new IllegalArgumentException("predict needs a batch of examples, got a scalar");
            }
            if (array.dim(0) != x.get(0).dim(0)) {
                throw new IllegalArgumentException("predict needs the same number of examples in every array, got"
                        + " shapes " + Shapes.describe(x.get(0).shape()) + " and " + Shapes.describe(array.shape()));
            }
        }
        int examples = x.get(0).dim(0);
        return predict(model, examples, (examples + batchSize - 1) / batchSize, step -> {
            List<Tensor> batch = new ArrayList<>();
            for (Tensor array : x) {
                batch.add(Batches.range(array, step * batchSize, Math.min(examples, (step + 1) * batchSize)));
            }
            return batch;
        }, progress);
    }

    /** Returns the model's outputs for the features of {@code data}, one array per output, in batches. */
    static List<Tensor> predict(Model model, ExampleSource data, int batchSize, InferenceProgress progress) {
        checkBatchSize(batchSize);
        // Batches are read one at a time: a stored split is decoded as it is reached, never held whole.
        Iterator<Dataset> batches = data.batches(batchSize).iterator();
        return predict(model, data.size(), data.batchCount(batchSize), step -> batches.next().featureList(),
                progress);
    }

    private static List<Tensor> predict(Model model, int examples, int steps, IntFunction<List<Tensor>> batch,
            InferenceProgress progress) {
        if (examples == 0) {
            throw new IllegalArgumentException("predict needs at least one example, got none");
        }
        Backend backend = Backends.current();
        List<List<float[]>> parts = new ArrayList<>();
        List<int[]> shapes = new ArrayList<>();
        progress.begin(steps);
        for (int step = 0; step < steps; step++) {
            List<Tensor> inputs = batch.apply(step);
            backend.beginStep();
            try {
                List<Tensor> outputs = model.call(inputs, false);
                for (int output = 0; output < outputs.size(); output++) {
                    if (parts.size() == output) {
                        parts.add(new ArrayList<>());
                        shapes.add(null);
                    }
                    shapes.set(output, outputs.get(output).shape());
                    parts.get(output).add(TensorInternals.values(outputs.get(output)));
                }
            } finally {
                backend.endStep();
            }
            progress.batchEnded(step + 1, steps);
        }
        List<Tensor> results = new ArrayList<>();
        for (int output = 0; output < parts.size(); output++) {
            int[] shape = shapes.get(output);
            int rowSize = Shapes.size(Shapes.withoutBatch(shape));
            float[] values = new float[examples * rowSize];
            int offset = 0;
            for (float[] part : parts.get(output)) {
                System.arraycopy(part, 0, values, offset, part.length);
                offset += part.length;
            }
            shape[0] = examples;
            results.add(TensorInternals.wrap(shape, values));
        }
        progress.end(Map.of());
        return results;
    }

    private static void checkBatchSize(int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
        }
    }
}
