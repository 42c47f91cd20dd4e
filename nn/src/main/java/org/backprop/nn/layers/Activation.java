package org.backprop.nn.layers;

import java.util.function.UnaryOperator;
import org.backprop.nn.Tensor;

/** Applies an activation function, as Keras's {@code Activation("relu")}. */
public final class Activation extends Layer {
    private final String activationName;
    private final UnaryOperator<Tensor> activation;

    public Activation(String activation) {
        super("activation");
        this.activationName = activation;
        this.activation = Activations.byName(activation);
    }

    /** Returns the activation's Keras name. */
    public String activation() {
        return activationName;
    }

    @Override
    public String typeName() {
        return "Activation";
    }

    /** Returns true: the layer works on each step alone, so its output keeps its input's mask. */
    @Override
    public boolean supportsMasking() {
        return true;
    }

    @Override
    public LayerConfig getConfig() {
        return super.getConfig().put("activation", activationName);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        return activation.apply(inputs);
    }
}
