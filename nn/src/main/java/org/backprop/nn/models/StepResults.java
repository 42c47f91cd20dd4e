package org.backprop.nn.models;

import java.util.ArrayList;
import java.util.List;
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
    private final List<Tensor> labels = new ArrayList<>();
    private final List<Tensor> predictions = new ArrayList<>();
    /** The steps read back so far: their loss total, examples, and the first non-finite loss among them. */
    private double total;
    private int examples;
    private int stepsRead;
    private int firstNonFinite;
    private float nonFiniteLoss;

    StepResults(Backend backend) {
        this.backend = backend;
    }

    /** Keeps one step's loss (a scalar), its batch's labels and the model's predictions for it. */
    void add(Tensor loss, Tensor batchLabels, Tensor batchPredictions) {
        Tensor keptLoss = loss.detach();
        Tensor keptPredictions = batchPredictions.detach();
        backend.retain(keptLoss);
        backend.retain(keptPredictions);
        losses.add(keptLoss);
        labels.add(batchLabels);
        predictions.add(keptPredictions);
    }

    /** What the kept steps add up to. */
    static final class Totals {
        final double weightedLoss;
        final int examples;
        final int firstNonFiniteStep;
        final float firstNonFiniteLoss;

        Totals(double weightedLoss, int examples, int firstNonFiniteStep, float firstNonFiniteLoss) {
            this.weightedLoss = weightedLoss;
            this.examples = examples;
            this.firstNonFiniteStep = firstNonFiniteStep;
            this.firstNonFiniteLoss = firstNonFiniteLoss;
        }

        /** Returns whether some step's loss was NaN or infinite. */
        boolean diverged() {
            return firstNonFiniteStep > 0;
        }
    }

    /**
     * Reads back the steps kept since the last call, feeds {@code metrics} step by step, frees the kept tensors
     * and returns the totals of all steps so far: the loss total (each step's loss times its batch size) with
     * the first step, counting from 1, whose loss was not finite.
     */
    Totals finish(List<Metric> metrics) {
        List<Tensor> all = new ArrayList<>(losses);
        all.addAll(predictions);
        backend.fetch(all);
        for (int step = 0; step < losses.size(); step++) {
            float loss = losses.get(step).item();
            int batchSize = labels.get(step).dim(0);
            if (!Float.isFinite(loss) && firstNonFinite == 0) {
                firstNonFinite = stepsRead + step + 1;
                nonFiniteLoss = loss;
            }
            total += loss * batchSize;
            examples += batchSize;
            for (Metric metric : metrics) {
                metric.update(labels.get(step), predictions.get(step));
            }
        }
        for (Tensor tensor : all) {
            backend.release(tensor);
        }
        stepsRead += losses.size();
        losses.clear();
        labels.clear();
        predictions.clear();
        return new Totals(total, examples, firstNonFinite, nonFiniteLoss);
    }
}
