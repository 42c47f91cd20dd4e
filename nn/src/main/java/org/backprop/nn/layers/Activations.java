package org.backprop.nn.layers;

import java.util.function.UnaryOperator;
import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;

/** Keras's activation functions by name. */
public final class Activations {
    private Activations() {
    }

    /** Returns the activation Keras calls {@code name}; {@code null} or "linear" is the identity. */
    public static UnaryOperator<Tensor> byName(String name) {
        if (name == null) {
            return x -> x;
        }
        switch (name) {
            case "linear":
                return x -> x;
            case "relu":
                return Ops::relu;
            case "sigmoid":
                return Ops::sigmoid;
            case "tanh":
                return Ops::tanh;
            case "softmax":
                return Ops::softmax;
            case "gelu":
                return Ops::gelu;
            case "leaky_relu":
                // Keras 3's default negative slope.
                return x -> Ops.leakyRelu(x, 0.2f);
            default:
                throw new IllegalArgumentException("activation must be one of linear, relu, sigmoid, tanh,"
                        + " softmax, gelu, leaky_relu; got \"" + name + "\"");
        }
    }
}
