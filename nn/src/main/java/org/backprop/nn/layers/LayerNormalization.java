package org.backprop.nn.layers;

import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.backend.Normalization;
import org.backprop.nn.initializers.Initializer;
import org.backprop.nn.ops.Ops;

/**
 * Normalises each example over its last axis, as Keras's {@code LayerNormalization} (epsilon 1e-3), the
 * same in training and inference. Weights gamma and beta, each {@code [features]}.
 */
public final class LayerNormalization extends Layer {
    private float epsilon = 1e-3f;
    private Variable gamma;
    private Variable beta;

    public LayerNormalization() {
        super("layer_normalization");
    }

    public LayerNormalization epsilon(double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException("epsilon must be positive, got " + value);
        }
        epsilon = (float) value;
        return this;
    }

    @Override
    public String typeName() {
        return "LayerNormalization";
    }

    /** Returns true: the layer works on each step alone, so its output keeps its input's mask. */
    @Override
    public boolean supportsMasking() {
        return true;
    }

    @Override
    public LayerConfig getConfig() {
        return super.getConfig().put("epsilon", epsilon);
    }

    @Override
    protected void createWeights(int[] inputShape) {
        int[] shape = {inputShape[inputShape.length - 1]};
        gamma = addWeight("gamma", shape, Initializer.byName("ones"), 0, 0, true);
        beta = addWeight("beta", shape, Initializer.byName("zeros"), 0, 0, true);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        return Ops.normalize(Normalization.LAYER, inputs, gamma.value(), beta.value(), epsilon).y();
    }
}
