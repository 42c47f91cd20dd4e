package org.backprop.nn.losses;

import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;

/**
 * A Keras loss: {@link #call} returns the mean over the batch of the per-example loss, as a scalar
 * tensor that gradients can be taken of.
 */
public abstract class Loss {
    private final String name;

    protected Loss(String name) {
        this.name = name;
    }

    /** Returns the Keras name, e.g. {@code "sparse_categorical_crossentropy"}. */
    public final String name() {
        return name;
    }

    /** Returns the loss of {@code yPred} against {@code yTrue}, averaged over the batch. */
    public abstract Tensor call(Tensor yTrue, Tensor yPred);

    /**
     * Returns {@code yTrue} shaped like {@code yPred}, as Keras's losses squeeze or expand a trailing axis of size 1:
     * binary targets {@code [n]} against predictions {@code [n, 1]} (a sigmoid head), or {@code [n, 1]} against
     * {@code [n]}. Any other difference fails with both shapes.
     */
    static Tensor targetsLike(String loss, Tensor yTrue, Tensor yPred) {
        int[] targets = yTrue.shape();
        int[] predictions = yPred.shape();
        if (Shapes.same(targets, predictions)) {
            return yTrue;
        }
        if (differByTrailingOne(targets, predictions) || differByTrailingOne(predictions, targets)) {
            return Ops.reshape(yTrue, predictions);
        }
        throw new IllegalArgumentException(loss + ": targets have shape " + Shapes.describe(targets)
                + " but predictions have shape " + Shapes.describe(predictions));
    }

    /** Returns whether {@code longer} is {@code shorter} with one more axis of size 1 at the end. */
    private static boolean differByTrailingOne(int[] shorter, int[] longer) {
        if (longer.length != shorter.length + 1 || longer[longer.length - 1] != 1) {
            return false;
        }
        for (int i = 0; i < shorter.length; i++) {
            if (shorter[i] != longer[i]) {
                return false;
            }
        }
        return true;
    }

    /** Returns the loss Keras calls {@code name} (its long or short name), with probabilities as inputs. */
    public static Loss byName(String name) {
        switch (name) {
            case "mse":
            case "mean_squared_error":
                return new MeanSquaredError();
            case "mae":
            case "mean_absolute_error":
                return new MeanAbsoluteError();
            case "binary_crossentropy":
                return new BinaryCrossentropy();
            case "categorical_crossentropy":
                return new CategoricalCrossentropy();
            case "sparse_categorical_crossentropy":
                return new SparseCategoricalCrossentropy();
            default:
                throw new IllegalArgumentException("loss must be one of mse, mae, binary_crossentropy,"
                        + " categorical_crossentropy, sparse_categorical_crossentropy; got \"" + name + "\"");
        }
    }
}
