package org.backprop.nn.layers;

import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.backend.Normalization;
import org.backprop.nn.initializers.Initializer;
import org.backprop.nn.ops.Normalized;
import org.backprop.nn.ops.Ops;

/**
 * Normalises each channel (last axis) with the batch's mean and variance in training and with moving
 * averages of them in inference, as Keras's {@code BatchNormalization} (momentum 0.99, epsilon 1e-3).
 * Weights: gamma and beta (trainable), moving mean and variance (not trainable), each {@code [channels]}; without
 * gamma when {@link #scale scale(false)}, as InceptionV3's, whose following relu makes a scale redundant.
 * A frozen layer ({@code setTrainable(false)}) runs in inference mode even while the model trains, as in
 * Keras, which is what fine-tuning a pretrained network needs.
 */
public final class BatchNormalization extends Layer {
    private float momentum = 0.99f;
    private float epsilon = 1e-3f;
    private boolean scale = true;
    private int axis = -1;
    private Variable gamma;
    private Variable beta;
    private Variable movingMean;
    private Variable movingVariance;

    public BatchNormalization() {
        super("batch_normalization");
    }

    public BatchNormalization momentum(double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1], got " + value);
        }
        momentum = (float) value;
        return this;
    }

    public BatchNormalization epsilon(double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException("epsilon must be positive, got " + value);
        }
        epsilon = (float) value;
        return this;
    }

    /**
     * Whether to multiply by a learned gamma, Keras's {@code scale}; default true. Without it the layer has no gamma
     * weight (Keras's parameter counts).
     */
    public BatchNormalization scale(boolean value) {
        scale = value;
        return this;
    }

    /**
     * The axis to normalise, Keras's {@code axis}: nn normalises the channels, the last axis, which Keras's default
     * {@code -1} names and a Keras model may name by its index counted with the batch ({@code 3} for images, as
     * InceptionV3's); any other axis fails when the layer is built.
     */
    public BatchNormalization axis(int value) {
        axis = value;
        return this;
    }

    @Override
    public String typeName() {
        return "BatchNormalization";
    }

    /** Returns true: the layer works on each step alone, so its output keeps its input's mask. */
    @Override
    public boolean supportsMasking() {
        return true;
    }

    @Override
    public LayerConfig getConfig() {
        return super.getConfig().put("momentum", momentum).put("epsilon", epsilon).put("scale", scale)
                .put("axis", axis);
    }

    @Override
    protected void createWeights(int[] inputShape) {
        if (axis != -1 && axis != inputShape.length) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" (BatchNormalization) normalises the last"
                    + " axis, -1 or " + inputShape.length + " for inputs of rank " + (inputShape.length + 1)
                    + " (with the batch); got axis " + axis);
        }
        int[] shape = {inputShape[inputShape.length - 1]};
        if (scale) {
            gamma = addWeight("gamma", shape, Initializer.byName("ones"), 0, 0, true);
        }
        beta = addWeight("beta", shape, Initializer.byName("zeros"), 0, 0, true);
        movingMean = addWeight("moving_mean", shape, Initializer.byName("zeros"), 0, 0, false);
        movingVariance = addWeight("moving_variance", shape, Initializer.byName("ones"), 0, 0, false);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        // Without a scale, gamma is a constant one: the fused normalisation ops always multiply by one.
        Tensor gammaValue = scale ? gamma.value() : Tensor.filled(1f, beta.shape());
        if (!training || !trainable()) {
            return Ops.normalizeWith(inputs, movingMean.value(), movingVariance.value(), gammaValue, beta.value(),
                    epsilon);
        }
        Normalized normalized = Ops.normalize(Normalization.BATCH, inputs, gammaValue, beta.value(), epsilon);
        updateMovingAverage(movingMean, normalized.mean());
        updateMovingAverage(movingVariance, normalized.variance());
        return normalized.y();
    }

    // With ops rather than a host loop, so that the statistics stay on the device that computed them.
    private void updateMovingAverage(Variable moving, Tensor batchValue) {
        Tensor kept = Ops.multiply(moving.value().detach(), Tensor.scalar(momentum));
        Tensor added = Ops.multiply(batchValue, Tensor.scalar(1 - momentum));
        moving.assign(Ops.add(kept, added));
    }
}
