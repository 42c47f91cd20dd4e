package org.backprop.nn.models;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.Tensor;
import org.backprop.nn.callbacks.Callback;
import org.backprop.nn.data.Dataset;
import org.backprop.nn.data.ExampleSource;

/** The settings of one {@code fit}, with Keras's names and defaults; {@code FitOptions.epochs(10).batchSize(32)}. */
public final class FitOptions {
    int epochs = 1;
    int batchSize = 32;
    double validationSplit;
    ExampleSource validationData;
    boolean shuffle = true;
    int verbose = 1;
    int progressEvery;
    final List<Callback> callbacks = new ArrayList<>();
    String runName;
    final List<String> tags = new ArrayList<>();
    String datasetName;

    private FitOptions() {
    }

    /** Returns the defaults: one epoch, batches of 32, shuffled, one log line per epoch. */
    public static FitOptions defaults() {
        return new FitOptions();
    }

    /** Returns the defaults with {@code epochs} epochs. */
    public static FitOptions epochs(int epochs) {
        return new FitOptions().withEpochs(epochs);
    }

    public FitOptions withEpochs(int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("epochs must be positive, got " + value);
        }
        epochs = value;
        return this;
    }

    public FitOptions batchSize(int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("batchSize must be positive, got " + value);
        }
        batchSize = value;
        return this;
    }

    /** Holds out the last {@code fraction} of the examples (before shuffling) for validation, as Keras does. */
    public FitOptions validationSplit(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("validationSplit must be in [0, 1), got " + fraction);
        }
        validationSplit = fraction;
        return this;
    }

    public FitOptions validationData(Tensor x, Tensor y) {
        return validationData(Dataset.of(x, y));
    }

    /**
     * Validates after each epoch on one array per input and per output of a model of several, as Keras's {@code
     * validation_data=([x1, x2], [y1, y2])}.
     */
    public FitOptions validationData(List<Tensor> x, List<Tensor> y) {
        return validationData(Dataset.of(x, y));
    }

    /** Validates on {@code data} after each epoch: arrays in a {@link Dataset}, or a stored split's slice. */
    public FitOptions validationData(ExampleSource data) {
        validationData = data;
        return this;
    }

    /** Adds callbacks, e.g. {@code EarlyStopping.onValidationLoss(3)}. */
    public FitOptions callbacks(Callback... values) {
        callbacks.addAll(List.of(values));
        return this;
    }

    /** Names the run in its record, e.g. "baseline" or "no-augmentation"; the model's name by default. */
    public FitOptions runName(String value) {
        runName = value;
        return this;
    }

    /** Tags the run's record, e.g. {@code "ablation:no-augmentation"}. */
    public FitOptions tags(String... values) {
        tags.addAll(List.of(values));
        return this;
    }

    /**
     * Names the dataset in the run's record, e.g. "rock_paper_scissors"; a split from {@code Datasets.load} names
     * itself.
     */
    public FitOptions datasetName(String value) {
        datasetName = value;
        return this;
    }

    public FitOptions shuffle(boolean value) {
        shuffle = value;
        return this;
    }

    /** 0 prints nothing, 1 prints a line per epoch. */
    public FitOptions verbose(int value) {
        verbose = value;
        return this;
    }

    /**
     * Reports the epoch's loss and metrics so far every {@code steps} steps to the callbacks'
     * {@link Callback#onBatchEnd} (for a progress bar); 0, the default, reports only at the end of each epoch.
     * On a GPU every report waits for the steps recorded so far and reads their results back, so a few per epoch
     * cost little and every step a lot.
     */
    public FitOptions progressEvery(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("progressEvery must be 0 (off) or a number of steps, got " + steps);
        }
        progressEvery = steps;
        return this;
    }
}
