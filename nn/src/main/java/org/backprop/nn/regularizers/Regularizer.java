package org.backprop.nn.regularizers;

import java.util.Map;
import org.backprop.nn.Tensor;

/**
 * A penalty on a tensor that training adds to the loss, as Keras's {@code keras.regularizers.Regularizer}: a layer
 * option such as {@code Dense.kernelRegularizer} applies it to a weight, and the penalty joins the layer's
 * {@link org.backprop.nn.layers.Layer#losses() losses}. {@link Regularizers} makes the built-in ones.
 *
 * <p>A student's own penalty subclasses this and returns a scalar from {@link #call}; it trains, but its layer
 * cannot be saved, since the grader could not rebuild it from a config.
 */
public abstract class Regularizer {
    /** Returns the penalty on {@code x} (any shape) as a scalar tensor {@code []}, gradients flowing to {@code x}. */
    public abstract Tensor call(Tensor x);

    /** Returns the Keras class name ({@code "L2"}) under which a saved config names this regularizer. */
    public abstract String className();

    /** Returns the factors under Keras's names ({@code {"l2": 0.002}}), as Keras's {@code get_config()}. */
    public abstract Map<String, Object> getConfig();

    /**
     * Returns {@code value} as a float factor, refusing what Keras's {@code validate_float_arg} refuses: negative,
     * infinite or NaN factors.
     */
    static float factor(String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value < 0) {
            throw new IllegalArgumentException("Invalid value for argument " + name + ": expected a non-negative"
                    + " finite number, got " + name + "=" + value);
        }
        return (float) value;
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && getConfig().equals(((Regularizer) other)
                .getConfig());
    }

    @Override
    public int hashCode() {
        return getConfig().hashCode();
    }

    @Override
    public String toString() {
        return className() + getConfig();
    }
}
