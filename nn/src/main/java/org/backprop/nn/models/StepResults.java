package org.backprop.nn.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.backprop.nn.Tensor;
import org.backprop.nn.backend.Backend;
import org.backprop.nn.metrics.Metric;

/**
 * The loss and predictions of each step of an epoch (or an evaluation), kept on the device until the epoch
 * ends (or a progress report asks) and then read back in one transfer: a GPU backend never waits for the host
 * between reports. The host then sums the losses in double precision and updates the metrics in step order,
 * exactly as if it had done so after every step.
 */
final class StepResults {
    private final Backend backend;
    private final List<Tensor> losses = new ArrayList<>();
    /** Each step's loss of each output of a model compiled with one loss per output (none otherwise). */
    private final List<List<Tensor>> outputLosses = new ArrayList<>();
    private final List<List<Tensor>> labels = new ArrayList<>();
    private final List<List<Tensor>> predictions = new ArrayList<>();
    /** The steps read back so far: their loss total, examples, and the first non-finite loss among them. */
    private double total;
    private double[] outputTotals = new double[0];
    private int examples;
    private int stepsRead;
    private int firstNonFinite;
    private float nonFiniteLoss;

    StepResults(Backend backend) {
        this.backend = backend;
    }

    /** Keeps one step's loss (a scalar), its batch's labels and the model's predictions for it. */
    void add(Tensor loss, Tensor batchLabels, Tensor batchPredictions) {
        add(loss, List.of(), List.of(batchLabels), List.of(batchPredictions));
    }

    /**
     * Keeps one step of a model with several outputs: its total loss, each output's loss (none for a model compiled
     * with one loss), and each output's labels and predictions.
     */
    void add(Tensor loss, List<Tensor> lossPerOutput, List<Tensor> batchLabels, List<Tensor> batchPredictions) {
        losses.add(kept(loss));
        List<Tensor> keptOutputLosses = new ArrayList<>();
        for (Tensor outputLoss : lossPerOutput) {
            keptOutputLosses.add(kept(outputLoss));
        }
        outputLosses.add(keptOutputLosses);
        List<Tensor> keptPredictions = new ArrayList<>();
        for (Tensor prediction : batchPredictions) {
            keptPredictions.add(kept(prediction));
        }
        labels.add(List.copyOf(batchLabels));
        predictions.add(keptPredictions);
    }

    private Tensor kept(Tensor tensor) {
        Tensor detached = tensor.detach();
        backend.retain(detached);
        return detached;
    }

    /** What the kept steps add up to. */
    static final class Totals {
        final double weightedLoss;
        final int examples;
        final int firstNonFiniteStep;
        final float firstNonFiniteLoss;
        /** Each output's loss total, as {@link #weightedLoss}; empty for a model compiled with one loss. */
        final double[] weightedOutputLosses;

        Totals(double weightedLoss, double[] weightedOutputLosses, int examples, int firstNonFiniteStep,
                float firstNonFiniteLoss) {
            this.weightedLoss = weightedLoss;
            this.weightedOutputLosses = weightedOutputLosses.clone();
            this.examples = examples;
            this.firstNonFiniteStep = firstNonFiniteStep;
            this.firstNonFiniteLoss = firstNonFiniteLoss;
        }

        /**
         * Puts what the steps log, in Keras's names: {@code loss}, then each output's {@code <output>_loss} (of
         * {@code outputNames}, for a model compiled with one loss per output), then each metric. Nothing when no
         * compiled step ran (a model with a step of its own).
         */
        void putLogs(List<String> outputNames, List<Metric> metrics, Map<String, Double> logs) {
            if (examples == 0) {
                return;
            }
            logs.put("loss", weightedLoss / examples);
            for (int output = 0; output < weightedOutputLosses.length; output++) {
                logs.put(outputNames.get(output) + "_loss", weightedOutputLosses[output] / examples);
            }
            for (Metric metric : metrics) {
                logs.put(metric.name(), metric.result());
            }
        }

        /** Returns whether some step's loss was NaN or infinite. */
        boolean diverged() {
            return firstNonFiniteStep > 0;
        }
    }

    /**
     * Reads back the steps kept since the last call, feeds {@code metrics} step by step, frees the kept tensors
     * and returns the totals of all steps so far: the loss total (each step's loss times its batch size) with
     * the first step, counting from 1, whose loss was not finite. A metric of one output of several ({@link
     * OutputMetric}) is fed that output's labels and predictions; any other metric the first output's.
     */
    Totals finish(List<Metric> metrics) {
        List<Tensor> all = new ArrayList<>(losses);
        outputLosses.forEach(all::addAll);
        predictions.forEach(all::addAll);
        backend.fetch(all);
        for (int step = 0; step < losses.size(); step++) {
            float loss = losses.get(step).item();
            int batchSize = labels.get(step).get(0).dim(0);
            List<Tensor> stepOutputLosses = outputLosses.get(step);
            if (outputTotals.length < stepOutputLosses.size()) {
                outputTotals = Arrays.copyOf(outputTotals, stepOutputLosses.size());
            }
            for (int output = 0; output < stepOutputLosses.size(); output++) {
                outputTotals[output] += stepOutputLosses.get(output).item() * batchSize;
            }
            if (!Float.isFinite(loss) && firstNonFinite == 0) {
                firstNonFinite = stepsRead + step + 1;
                nonFiniteLoss = loss;
            }
            total += loss * batchSize;
            examples += batchSize;
            for (Metric metric : metrics) {
                int output = metric instanceof OutputMetric outputMetric ? outputMetric.output() : 0;
                metric.update(labels.get(step).get(output), predictions.get(step).get(output));
            }
        }
        for (Tensor tensor : all) {
            backend.release(tensor);
        }
        stepsRead += losses.size();
        losses.clear();
        outputLosses.clear();
        labels.clear();
        predictions.clear();
        return new Totals(total, outputTotals, examples, firstNonFinite, nonFiniteLoss);
    }
}
