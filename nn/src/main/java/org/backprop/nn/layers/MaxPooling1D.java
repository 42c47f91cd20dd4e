package org.backprop.nn.layers;

import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;

/**
 * Takes the maximum of each window of steps per channel, as Keras's {@code MaxPooling1D}: {@code [batch, steps, c]}
 * → {@code [batch, outSteps, c]}, strides defaulting to the pool size, "valid" or "same" padding. Computed as
 * max-pooling over a one-pixel-wide image, so every backend that pools images runs it.
 */
public final class MaxPooling1D extends Layer {
    private final int poolSize;
    private int strides;
    private String padding = "valid";

    /** Returns the layer with windows of {@code poolSize} steps, strides of the same, "valid" padding. */
    public MaxPooling1D(int poolSize) {
        super("max_pooling1d");
        this.poolSize = Windows.positive("poolSize", poolSize);
        this.strides = poolSize;
    }

    /** Returns Keras's default: windows of 2 steps. */
    public MaxPooling1D() {
        this(2);
    }

    public MaxPooling1D strides(int value) {
        strides = Windows.positive("strides", value);
        return this;
    }

    public MaxPooling1D padding(String value) {
        padding = Windows.padding(value);
        return this;
    }

    @Override
    public String typeName() {
        return "MaxPooling1D";
    }

    @Override
    public LayerConfig getConfig() {
        return super.getConfig().put("pool_size", new int[] {poolSize}).put("strides", new int[] {strides})
                .put("padding", padding);
    }

    @Override
    protected void checkInputShape(int[] shape) {
        Windows.checkSequenceInput(this, shape);
        computeOutputShape(shape);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return new int[] {Windows.outputSteps(this, inputShape[0], poolSize, strides, padding), inputShape[1]};
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        int batch = inputs.dim(0);
        int channels = inputs.dim(2);
        Tensor image = Ops.reshape(inputs, new int[] {batch, inputs.dim(1), 1, channels});
        Tensor pooled = Ops.maxPool2d(image, poolSize, 1, strides, 1, padding);
        return Ops.reshape(pooled, new int[] {batch, pooled.dim(1), channels});
    }
}
