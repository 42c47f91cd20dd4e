package org.backprop.nn.layers;

import org.backprop.nn.Tensor;

/**
 * What MaxPooling2D and AveragePooling2D share: a {@code poolSize × poolSize} window per channel, strides
 * defaulting to the pool size, "valid" or "same" padding. Inputs {@code [batch, h, w, c]}, outputs
 * {@code [batch, outH, outW, c]}.
 */
public abstract class Pooling2D<L extends Pooling2D<L>> extends Layer {
    protected final int poolSize;
    protected int strides;
    protected String padding = "valid";

    protected Pooling2D(String kerasPrefix, int poolSize) {
        super(kerasPrefix);
        this.poolSize = Windows.positive("poolSize", poolSize);
        this.strides = poolSize;
    }

    /** Returns this layer, for chained settings. */
    protected abstract L self();

    /** Returns the pooled windows of {@code inputs}. */
    protected abstract Tensor pool(Tensor inputs);

    public final L strides(int value) {
        strides = Windows.positive("strides", value);
        return self();
    }

    public final L padding(String value) {
        padding = Windows.padding(value);
        return self();
    }

    @Override
    public LayerConfig getConfig() {
        return super.getConfig().put("pool_size", new int[] {poolSize, poolSize})
                .put("strides", new int[] {strides, strides}).put("padding", padding);
    }

    @Override
    protected final void checkInputShape(int[] shape) {
        Windows.checkImageInput(this, shape);
        computeOutputShape(shape);
    }

    @Override
    public final int[] computeOutputShape(int[] inputShape) {
        return Windows.outputShape(this, inputShape, poolSize, strides, padding, inputShape[2]);
    }

    @Override
    protected final Tensor forward(Tensor inputs, boolean training) {
        return pool(inputs);
    }
}
