package org.backprop.nn.layers;

import org.backprop.nn.Activation;
import org.backprop.nn.Tensor;
import org.backprop.nn.backend.Backends;

/**
 * A fully connected layer, as Keras's {@code Dense}: {@code activation(inputs × kernel + bias)}.
 * Inputs have shape {@code [batch, in]}, the kernel {@code [in, units]}, the bias {@code [units]},
 * outputs {@code [batch, units]}.
 */
public final class Dense {
    private final int units;
    private final Activation activation;
    private Tensor kernel;
    private Tensor bias;

    /** Returns a linear layer with {@code units} outputs. */
    public Dense(int units) {
        this(units, Activation.LINEAR);
    }

    /** Returns a layer with {@code units} outputs and the given activation. */
    public Dense(int units, Activation activation) {
        if (units <= 0) {
            throw new IllegalArgumentException("units must be positive, got " + units);
        }
        if (activation == null) {
            throw new IllegalArgumentException("activation must not be null");
        }
        this.units = units;
        this.activation = activation;
    }

    /** Sets the weights, as Keras's {@code set_weights([kernel, bias])}. */
    public void setWeights(Tensor kernel, Tensor bias) {
        if (kernel.rank() != 2 || kernel.dim(1) != units) {
            throw new IllegalArgumentException("Dense(units=" + units + "): kernel must have shape (in, " + units
                    + "), got " + Tensor.describe(kernel.shape()));
        }
        if (bias.rank() != 1 || bias.dim(0) != units) {
            throw new IllegalArgumentException("Dense(units=" + units + "): bias must have shape (" + units
                    + ",), got " + Tensor.describe(bias.shape()));
        }
        this.kernel = kernel;
        this.bias = bias;
    }

    /** Returns the number of weights, kernel and bias together, as Keras counts them. */
    public int countParams() {
        return kernel == null ? 0 : kernel.size() + bias.size();
    }

    /** Returns this layer's output for {@code inputs} of shape {@code [batch, in]}. */
    public Tensor apply(Tensor inputs) {
        if (kernel == null) {
            throw new IllegalStateException("Dense(units=" + units
                    + ") has no weights yet: call setWeights(kernel, bias) first");
        }
        if (inputs.rank() != 2 || inputs.dim(1) != kernel.dim(0)) {
            throw new IllegalArgumentException("Dense(units=" + units + ") expects inputs of shape (batch, "
                    + kernel.dim(0) + "), got " + Tensor.describe(inputs.shape()));
        }
        return Backends.current().dense(inputs, kernel, bias, activation);
    }
}
