package org.backprop.nn.layers;

import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.initializers.Initializer;
import org.backprop.nn.ops.Ops;
import org.backprop.nn.regularizers.Regularizer;
import org.backprop.nn.regularizers.Regularizers;

/**
 * A transposed 2-D convolution, as Keras's {@code Conv2DTranspose} (Deep Learning with Python's segmentation model,
 * chapter 9): inputs {@code [batch, h, w, c]}, kernel {@code [k, k, filters, c]}, bias {@code [filters]}, outputs
 * {@code [batch, outH, outW, filters]} with {@code outH = h·strides + max(k − strides, 0)} for "valid" padding and
 * {@code h·strides} for "same" (widths alike), so that with "same" padding it undoes a strided Conv2D's
 * downsampling.
 */
public final class Conv2DTranspose extends BaseConv<Conv2DTranspose> {
    private final int filters;
    private Variable kernel;
    private Variable bias;

    /** Returns a layer of {@code filters} square {@code kernelSize} filters, stride 1, "valid" padding. */
    public Conv2DTranspose(int filters, int kernelSize) {
        super("conv2d_transpose", kernelSize);
        this.filters = Windows.positive("filters", filters);
    }

    /** Returns the layer with the activation Keras calls {@code activation}, e.g. {@code "relu"}. */
    public Conv2DTranspose(int filters, int kernelSize, String activation) {
        this(filters, kernelSize);
        activation(activation);
    }

    @Override
    protected Conv2DTranspose self() {
        return this;
    }

    /**
     * Sets the penalty on the kernel that training adds to the loss, Keras's {@code kernel_regularizer} (null: none);
     * before the layer is built.
     */
    public Conv2DTranspose kernelRegularizer(Regularizer regularizer) {
        regularize("kernel_regularizer", "kernel", regularizer);
        return this;
    }

    /** Sets the penalty on the kernel by Keras name, {@code "l1"}, {@code "l2"} or {@code "l1_l2"}, factor 0.01. */
    public Conv2DTranspose kernelRegularizer(String name) {
        return kernelRegularizer(Regularizers.get(name));
    }

    @Override
    public String typeName() {
        return "Conv2DTranspose";
    }

    @Override
    public LayerConfig getConfig() {
        return super.getConfig().put("filters", filters);
    }

    @Override
    protected int outputChannels(int inputChannels) {
        return filters;
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return new int[] {Ops.transposedLength(inputShape[0], kernelHeight, strides, padding),
                Ops.transposedLength(inputShape[1], kernelWidth, strides, padding), filters};
    }

    @Override
    protected void createWeights(int[] inputShape) {
        int channels = inputShape[2];
        int receptive = kernelHeight * kernelWidth;
        // Keras's fans read the kernel shape as a Conv2D's, so fan-in counts the filters and fan-out the channels.
        kernel = addWeight("kernel", new int[] {kernelHeight, kernelWidth, filters, channels},
                Initializer.byName("glorot_uniform"), receptive * filters, receptive * channels, true);
        if (useBias) {
            bias = addWeight("bias", new int[] {filters}, Initializer.byName("zeros"), 0, 0, true);
        }
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        return finish(Ops.conv2dTranspose(inputs, kernel.value(), strides, strides, padding),
                useBias ? bias.value() : null);
    }
}
