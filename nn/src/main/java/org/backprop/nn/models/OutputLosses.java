package org.backprop.nn.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.nn.Tensor;
import org.backprop.nn.losses.Loss;
import org.backprop.nn.metrics.Metric;
import org.backprop.nn.ops.Ops;
import org.backprop.nn.records.ComponentConfig;

/**
 * What a model with several outputs is compiled with, as Keras's {@code compile(loss=[...], loss_weights=[...],
 * metrics=[[...], [...]])} or the same keyed by output name: one loss per output, its weight (1 unless given), and
 * the output's metrics, each logged under the output's name ({@link OutputMetric}). The loss the optimizer
 * minimizes is the weighted sum of the outputs' losses, as in Keras.
 */
final class OutputLosses {
    /** The name a run record gives the loss of a model compiled with one loss per output. */
    static final String RECORD_NAME = "per_output";

    private final List<String> names;
    /** What the logs call each output's loss, before {@code _loss}: none for a model of one output. */
    private final List<String> logNames;
    private final List<Loss> losses;
    private final List<Double> weights;
    private final List<Metric> metrics;

    private OutputLosses(List<String> names, List<String> logNames, List<Loss> losses, List<Double> weights,
            List<Metric> metrics) {
        this.names = List.copyOf(names);
        this.logNames = List.copyOf(logNames);
        this.losses = List.copyOf(losses);
        this.weights = List.copyOf(weights);
        this.metrics = List.copyOf(metrics);
    }

    /**
     * Returns the compiled outputs of a model whose outputs are {@code outputNames}: {@code losses} has one loss (a
     * Keras name or a {@link Loss}) per output, {@code metrics} (or null) one entry per output, each a metric name, a
     * {@link Metric}, or a list of them, and {@code weights} (or null) one number per output.
     */
    static OutputLosses of(List<String> outputNames, List<?> losses, List<?> metrics, List<? extends Number> weights) {
        return of(outputNames, losses, metrics, weights, true);
    }

    /**
     * Returns the compiled outputs, as {@link #of(List, List, List, List)}; with {@code namedOutputs} false (a
     * subclassed model, whose outputs are what its call returns), the logs name them as Keras 3 does a model without
     * output names: each output's loss after the loss, {@code mean_squared_error_loss}, and its metrics by their own
     * names, {@code accuracy}, a name met again numbered, {@code accuracy_1} (keras/src/trainers/compile_utils.py).
     */
    static OutputLosses of(List<String> outputNames, List<?> losses, List<?> metrics, List<? extends Number> weights,
            boolean namedOutputs) {
        checkCount("losses", losses, outputNames);
        checkCount("metrics", metrics, outputNames);
        checkCount("lossWeights", weights, outputNames);
        List<Loss> resolvedLosses = new ArrayList<>();
        List<Double> resolvedWeights = new ArrayList<>();
        List<Metric> resolvedMetrics = new ArrayList<>();
        List<String> logNames = new ArrayList<>();
        List<String> metricNames = new ArrayList<>();
        boolean several = outputNames.size() > 1;
        for (int i = 0; i < outputNames.size(); i++) {
            String name = outputNames.get(i);
            Loss loss = loss(losses.get(i), name);
            resolvedLosses.add(loss);
            if (several) {
                logNames.add(namedOutputs ? name : unique(losses.get(i) instanceof String given ? given : loss.name(),
                        logNames));
            }
            resolvedWeights.add(weight(weights == null ? null : weights.get(i), name));
            List<Metric> outputMetrics = new ArrayList<>();
            if (metrics != null && metrics.get(i) != null) {
                Model.addMetric(outputMetrics, metrics.get(i), loss);
            }
            for (Metric metric : outputMetrics) {
                if (!several) {
                    resolvedMetrics.add(metric);
                } else if (namedOutputs) {
                    resolvedMetrics.add(new OutputMetric(name + "_" + metric.name(), i, metric));
                } else {
                    String metricName = unique(metric.name(), metricNames);
                    metricNames.add(metricName);
                    resolvedMetrics.add(new OutputMetric(metricName, i, metric));
                }
            }
        }
        return new OutputLosses(outputNames, logNames, resolvedLosses, resolvedWeights, resolvedMetrics);
    }

    /** Returns {@code name}, or if {@code taken} has it, {@code name_1}, {@code name_2}, … the first free. */
    private static String unique(String name, List<String> taken) {
        if (!taken.contains(name)) {
            return name;
        }
        int index = 1;
        while (taken.contains(name + "_" + index)) {
            index++;
        }
        return name + "_" + index;
    }

    /** Returns the compiled outputs given by output name, as Keras's {@code loss={"priority": ..., ...}}. */
    static OutputLosses of(List<String> outputNames, Map<String, ?> losses, Map<String, ?> metrics,
            Map<String, ? extends Number> weights) {
        if (losses == null) {
            throw new IllegalArgumentException("losses must map each output " + outputNames + " to a loss, got null");
        }
        checkKeys("losses", losses, outputNames);
        checkKeys("metrics", metrics, outputNames);
        checkKeys("lossWeights", weights, outputNames);
        List<Object> lossList = new ArrayList<>();
        List<Object> metricList = new ArrayList<>();
        List<Number> weightList = new ArrayList<>();
        for (String name : outputNames) {
            if (!losses.containsKey(name)) {
                throw new IllegalArgumentException("losses has no loss for output \"" + name + "\": give every output "
                        + outputNames + " a loss");
            }
            lossList.add(losses.get(name));
            metricList.add(metrics == null ? null : metrics.get(name));
            weightList.add(weights == null ? null : weights.get(name));
        }
        return of(outputNames, lossList, metricList, weightList);
    }

    private static void checkCount(String what, List<?> given, List<String> outputNames) {
        if (given == null) {
            if (what.equals("losses")) {
                throw new IllegalArgumentException("losses must list one loss per output " + outputNames + ", got null");
            }
            return;
        }
        if (given.size() != outputNames.size()) {
            throw new IllegalArgumentException(what + " must list one entry per output " + outputNames + " (" +
                    outputNames.size() + "), got " + given.size());
        }
    }

    private static void checkKeys(String what, Map<String, ?> given, List<String> outputNames) {
        if (given == null) {
            return;
        }
        for (String key : given.keySet()) {
            if (!outputNames.contains(key)) {
                throw new IllegalArgumentException(what + " names \"" + key + "\", which is not an output of the"
                        + " model; its outputs are " + outputNames);
            }
        }
    }

    private static Loss loss(Object loss, String output) {
        if (loss instanceof String name) {
            return Loss.byName(name);
        }
        if (loss instanceof Loss object) {
            return object;
        }
        throw new IllegalArgumentException("output \"" + output + "\" needs a loss: a name (\"mean_squared_error\") or"
                + " a Loss object (new MeanSquaredError()), got " + (loss == null ? "null" : loss));
    }

    private static double weight(Number weight, String output) {
        if (weight == null) {
            return 1;
        }
        double value = weight.doubleValue();
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("the loss weight of output \"" + output + "\" must be a finite number"
                    + " of at least 0, got " + weight);
        }
        return value;
    }

    /** Returns how many outputs the model was compiled for: one loss each. */
    int size() {
        return losses.size();
    }

    /**
     * Returns what the logs call each output's loss, before {@code _loss}: its output's name ({@code priority}), or
     * for a subclassed model its loss's ({@code mean_squared_error}); none for a model of one output.
     */
    List<String> logNames() {
        return logNames;
    }

    /** Returns the metrics of every output, each named after its output when there are several. */
    List<Metric> metrics() {
        return metrics;
    }

    /** Returns each output's loss of {@code predictions} against {@code labels} (one per output, in order). */
    List<Tensor> perOutput(List<Tensor> labels, List<Tensor> predictions) {
        List<Tensor> values = new ArrayList<>();
        for (int i = 0; i < losses.size(); i++) {
            values.add(losses.get(i).call(labels.get(i), predictions.get(i)));
        }
        return values;
    }

    /** Returns the loss the optimizer minimizes: the outputs' losses, each times its weight, summed. */
    Tensor total(List<Tensor> perOutput) {
        Tensor total = null;
        for (int i = 0; i < perOutput.size(); i++) {
            double weight = weights.get(i);
            Tensor term = weight == 1 ? perOutput.get(i) : Ops.scale(perOutput.get(i), (float) weight);
            total = total == null ? term : Ops.add(total, term);
        }
        return total;
    }

    /** Returns how the run record describes the losses: each output's loss name and weight, by output name. */
    ComponentConfig record() {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            settings.put(names.get(i), losses.get(i).name());
            settings.put(names.get(i) + "_weight", weights.get(i));
        }
        return new ComponentConfig(RECORD_NAME, settings);
    }
}
