package org.backprop.nn.losses;

import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;

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

    static void checkSameShape(String loss, Tensor yTrue, Tensor yPred) {
        if (!Shapes.same(yTrue.shape(), yPred.shape())) {
            throw new IllegalArgumentException(loss + ": targets have shape " + Shapes.describe(yTrue.shape())
                    + " but predictions have shape " + Shapes.describe(yPred.shape()));
        }
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
                return new BinaryCrossentropy(false);
            case "categorical_crossentropy":
                return new CategoricalCrossentropy(false);
            case "sparse_categorical_crossentropy":
                return new SparseCategoricalCrossentropy(false);
            default:
                throw new IllegalArgumentException("loss must be one of mse, mae, binary_crossentropy,"
                        + " categorical_crossentropy, sparse_categorical_crossentropy; got \"" + name + "\"");
        }
    }
}
