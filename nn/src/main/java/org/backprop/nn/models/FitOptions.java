package org.backprop.nn.models;

import org.backprop.nn.Tensor;

/** The settings of one {@code fit}, with Keras's names and defaults; {@code FitOptions.epochs(10).batchSize(32)}. */
public final class FitOptions {
    int epochs = 1;
    int batchSize = 32;
    double validationSplit;
    Tensor validationX;
    Tensor validationY;
    boolean shuffle = true;
    int verbose = 1;

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
        validationX = x;
        validationY = y;
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
}
