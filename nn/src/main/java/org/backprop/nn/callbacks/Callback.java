package org.backprop.nn.callbacks;

import java.util.Map;
import org.backprop.nn.models.Model;

/**
 * Hooks into {@code fit}, {@code evaluate} and {@code predict}, as Keras's callbacks. Epochs are numbered from 1; {@code logs} holds the epoch's
 * loss and metrics by name ("loss", "accuracy", "val_loss", …).
 */
public abstract class Callback {

    /** Called once before the first epoch. */
    public void onTrainBegin(Model model) {
    }

    /** Called before each epoch. */
    public void onEpochBegin(Model model, int epoch) {
    }

    /**
     * Called every {@code FitOptions.progressEvery} steps within an epoch (never on its last step: see
     * {@link #onEpochEnd}), {@code step} counting from 1, with the loss and metrics of the epoch's steps so far.
     */
    public void onBatchEnd(Model model, int epoch, int step, Map<String, Double> logs) {
    }

    /** Called after each epoch, validation included. */
    public void onEpochEnd(Model model, int epoch, Map<String, Double> logs) {
    }

    /** Called once after the last epoch, also when training stopped early. */
    public void onTrainEnd(Model model) {
    }

    /** Called once before {@code evaluate}'s first batch, as Keras's {@code on_test_begin}. */
    public void onTestBegin(Model model) {
    }

    /**
     * Called after each of {@code evaluate}'s batches, {@code step} counting from 1 to {@code steps}. Its loss is not
     * read yet (a GPU would have to wait): the results come to {@link #onTestEnd}.
     */
    public void onTestBatchEnd(Model model, int step, int steps) {
    }

    /** Called once after {@code evaluate}'s last batch with its results: "loss" and the compiled metrics. */
    public void onTestEnd(Model model, Map<String, Double> logs) {
    }

    /** Called once before {@code predict}'s first batch, as Keras's {@code on_predict_begin}. */
    public void onPredictBegin(Model model) {
    }

    /** Called after each of {@code predict}'s batches, {@code step} counting from 1 to {@code steps}. */
    public void onPredictBatchEnd(Model model, int step, int steps) {
    }

    /** Called once after {@code predict}'s last batch. */
    public void onPredictEnd(Model model) {
    }

    /** Returns the value of {@code monitor} in {@code logs}, failing with the names that are there. */
    static double monitored(String monitor, Map<String, Double> logs) {
        Double value = logs.get(monitor);
        if (value == null) {
            throw new IllegalArgumentException("the monitored metric \"" + monitor + "\" is not in the logs; they have "
                    + logs.keySet() + " (val_ metrics need validation data)");
        }
        return value;
    }

    /** Returns whether smaller is better for {@code monitor}, as Keras's mode "auto" decides. */
    static boolean lowerIsBetter(String monitor) {
        return !(monitor.endsWith("accuracy") || monitor.endsWith("acc") || monitor.endsWith("precision")
                || monitor.endsWith("recall") || monitor.endsWith("f1_score"));
    }
}
