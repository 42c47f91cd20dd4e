package org.backprop.nn.layers;

import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;

/**
 * Averages each channel over the steps, as Keras's {@code GlobalAveragePooling1D}: {@code [batch, steps, c]} →
 * {@code [batch, c]}; with a {@link Masks mask}, over the real steps only.
 */
public final class GlobalAveragePooling1D extends Layer {

    public GlobalAveragePooling1D() {
        super("global_average_pooling1d");
    }

    @Override
    public String typeName() {
        return "GlobalAveragePooling1D";
    }

    @Override
    protected void checkInputShape(int[] shape) {
        Windows.checkSequenceInput(this, shape);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return new int[] {inputShape[1]};
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        return Ops.reshape(Ops.mean(inputs, 1), new int[] {inputs.dim(0), inputs.dim(2)});
    }

    /** Returns the mean, or with a mask Keras's masked mean: the sum of the real steps over their count (NaN for a row with none, as Keras). */
    @Override
    protected Tensor forward(Tensor inputs, Tensor mask, boolean training) {
        if (mask == null) {
            return forward(inputs, training);
        }
        Tensor weights = Ops.reshape(mask, new int[] {inputs.dim(0), inputs.dim(1), 1});
        Tensor mean = Ops.divide(Ops.sum(Ops.multiply(inputs, weights), 1), Ops.sum(weights, 1));
        return Ops.reshape(mean, new int[] {inputs.dim(0), inputs.dim(2)});
    }
}
