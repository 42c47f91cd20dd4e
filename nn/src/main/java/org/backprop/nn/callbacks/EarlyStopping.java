package org.backprop.nn.callbacks;

import java.util.List;
import java.util.Map;
import org.backprop.nn.Tensor;
import org.backprop.nn.backend.Backends;
import org.backprop.nn.Variable;
import org.backprop.nn.models.Model;

/**
 * Stops training when the monitored metric (default {@code val_loss}) has not improved by more than
 * {@code minDelta} for {@code patience} epochs, as Keras's {@code EarlyStopping}; optionally puts back the
 * weights of the best epoch.
 */
public final class EarlyStopping extends Callback {
    private final String monitor;
    private final int patience;
    private double minDelta;
    private boolean restoreBestWeights;
    private double best;
    private int bestEpoch;
    private int waited;
    private List<Tensor> bestWeights;
    private int stoppedEpoch;

    public EarlyStopping(String monitor, int patience) {
        if (patience < 0) {
            throw new IllegalArgumentException("patience must not be negative, got " + patience);
        }
        this.monitor = monitor;
        this.patience = patience;
    }

    /** Returns early stopping on {@code val_loss} with the given patience. */
    public static EarlyStopping onValidationLoss(int patience) {
        return new EarlyStopping("val_loss", patience);
    }

    public EarlyStopping minDelta(double value) {
        minDelta = Math.abs(value);
        return this;
    }

    public EarlyStopping restoreBestWeights(boolean value) {
        restoreBestWeights = value;
        return this;
    }

    @Override
    public void onTrainBegin(Model model) {
        best = lowerIsBetter(monitor) ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        waited = 0;
        bestEpoch = 0;
        stoppedEpoch = 0;
        releaseSnapshot();
        bestWeights = null;
    }

    @Override
    public void onEpochEnd(Model model, int epoch, Map<String, Double> logs) {
        double value = monitored(monitor, logs);
        boolean improved = lowerIsBetter(monitor) ? value < best - minDelta : value > best + minDelta;
        if (improved) {
            best = value;
            bestEpoch = epoch;
            waited = 0;
            if (restoreBestWeights) {
                releaseSnapshot();
                bestWeights = snapshot(model);
            }
            return;
        }
        waited++;
        if (waited > patience) {
            stoppedEpoch = epoch;
            model.stopTraining();
            if (restoreBestWeights && bestWeights != null) {
                List<Variable> weights = model.weights();
                for (int i = 0; i < weights.size(); i++) {
                    weights.get(i).assign(bestWeights.get(i));
                }
            }
        }
    }

    // The snapshot shares the weights' storage, so it must keep the backend from freeing it when the
    // optimizer replaces them.
    private static List<Tensor> snapshot(Model model) {
        List<Tensor> values = new java.util.ArrayList<>();
        for (Variable weight : model.weights()) {
            Tensor value = weight.value().detach();
            Backends.current().retain(value);
            values.add(value);
        }
        return values;
    }

    private void releaseSnapshot() {
        if (bestWeights != null) {
            for (Tensor value : bestWeights) {
                Backends.current().release(value);
            }
        }
    }

    /** Returns the epoch training stopped after, or 0 if it ran to the end. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    /** Returns the epoch with the best monitored value. */
    public int bestEpoch() {
        return bestEpoch;
    }
}
