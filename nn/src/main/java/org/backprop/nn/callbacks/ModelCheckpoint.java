package org.backprop.nn.callbacks;

import java.util.Map;
import org.backprop.nn.io.WeightsFormat;
import org.backprop.nn.models.Model;

/**
 * Saves the model's weights after each epoch, or only when the monitored metric improves, as Keras's
 * {@code ModelCheckpoint(save_best_only=True, save_weights_only=True)}. The weights go, in
 * {@link WeightsFormat}, to a {@link WeightsStore}: the browser runtime keeps them in the experiment log,
 * the JVM may write a file.
 */
public final class ModelCheckpoint extends Callback {
    private final WeightsStore store;
    private String monitor = "val_loss";
    private boolean saveBestOnly;
    private double best;

    public ModelCheckpoint(WeightsStore store) {
        if (store == null) {
            throw new IllegalArgumentException("store must not be null");
        }
        this.store = store;
    }

    public ModelCheckpoint monitor(String value) {
        monitor = value;
        return this;
    }

    public ModelCheckpoint saveBestOnly(boolean value) {
        saveBestOnly = value;
        return this;
    }

    @Override
    public void onTrainBegin(Model model) {
        best = lowerIsBetter(monitor) ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    @Override
    public void onEpochEnd(Model model, int epoch, Map<String, Double> logs) {
        if (saveBestOnly) {
            double value = monitored(monitor, logs);
            boolean improved = lowerIsBetter(monitor) ? value < best : value > best;
            if (!improved) {
                return;
            }
            best = value;
        }
        store.save(epoch, WeightsFormat.write(model.weights()));
    }

    /** Where checkpoints go. */
    public interface WeightsStore {
        /** Keeps the weights saved after {@code epoch}. */
        void save(int epoch, byte[] weights);
    }
}
