package org.backprop.nn.layers;

import java.util.function.UnaryOperator;
import org.backprop.nn.Tensor;
import org.backprop.nn.backend.UnaryOp;
import org.backprop.nn.ops.Ops;

/** Keras's activation functions by name. */
public final class Activations {
    /** Keras 3's default negative slope of leaky_relu. */
    private static final float LEAKY_RELU_SLOPE = 0.2f;

    private Activations() {
    }

    /**
     * Returns the element-wise op a fused Dense ({@link Ops#dense}) applies for the activation Keras calls
     * {@code name}, or {@code null} for linear and for the activations it cannot fuse (softmax, gelu).
     */
    static UnaryOp fusedOp(String name) {
        switch (name == null ? "linear" : name) {
            case "relu":
                return UnaryOp.RELU;
            case "leaky_relu":
                return UnaryOp.LEAKY_RELU;
            case "sigmoid":
                return UnaryOp.SIGMOID;
            case "tanh":
                return UnaryOp.TANH;
            default:
                return null;
        }
    }

    /** Returns the parameter of {@link #fusedOp}'s op: leaky_relu's slope, else 0. */
    static float fusedParameter(String name) {
        return "leaky_relu".equals(name) ? LEAKY_RELU_SLOPE : 0f;
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
                return x -> Ops.leakyRelu(x, LEAKY_RELU_SLOPE);
            default:
                throw new IllegalArgumentException("activation must be one of linear, relu, sigmoid, tanh,"
                        + " softmax, gelu, leaky_relu; got \"" + name + "\"");
        }
    }
}
