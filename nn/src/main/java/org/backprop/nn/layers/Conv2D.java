package org.backprop.nn.layers;

import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.initializers.Initializer;
import org.backprop.nn.ops.Ops;
import org.backprop.nn.regularizers.Regularizer;
import org.backprop.nn.regularizers.Regularizers;

/**
 * A 2-D convolution, as Keras's {@code Conv2D}: inputs {@code [batch, h, w, c]}, kernel
 * {@code [kh, kw, c, filters]}, bias {@code [filters]}, outputs {@code [batch, outH, outW, filters]}.
 */
public final class Conv2D extends BaseConv<Conv2D> {
    private final int filters;
    private Variable kernel;
    private Variable bias;

    /** Returns a layer of {@code filters} square {@code kernelSize} filters, stride 1, "valid" padding. */
    public Conv2D(int filters, int kernelSize) {
        super("conv2d", kernelSize);
        this.filters = Windows.positive("filters", filters);
    }

    /**
     * Returns a layer of {@code filters} {@code kernelHeight × kernelWidth} filters, stride 1, "valid" padding, as
     * Keras's {@code Conv2D(filters, (kernelHeight, kernelWidth))}: e.g. InceptionV3's 1×7 and 7×1 convolutions.
     */
    public Conv2D(int filters, int kernelHeight, int kernelWidth) {
        super("conv2d", kernelHeight, kernelWidth);
        this.filters = Windows.positive("filters", filters);
    }

    /** Returns the layer with the activation Keras calls {@code activation}, e.g. {@code new Conv2D(32, 3, "relu")}. */
    public Conv2D(int filters, int kernelSize, String activation) {
        this(filters, kernelSize);
        activation(activation);
    }

    @Override
    protected Conv2D self() {
        return this;
    }

    /**
     * Sets the penalty on the kernel that training adds to the loss, Keras's {@code kernel_regularizer} (null: none);
     * before the layer is built.
     */
    public Conv2D kernelRegularizer(Regularizer regularizer) {
        regularize("kernel_regularizer", "kernel", regularizer);
        return this;
    }

    /** Sets the penalty on the kernel by Keras name, {@code "l1"}, {@code "l2"} or {@code "l1_l2"}, factor 0.01. */
    public Conv2D kernelRegularizer(String name) {
        return kernelRegularizer(Regularizers.get(name));
    }

    @Override
    public String typeName() {
        return "Conv2D";
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
    protected void createWeights(int[] inputShape) {
        int channels = inputShape[2];
        int receptive = kernelHeight * kernelWidth;
        kernel = addWeight("kernel", new int[] {kernelHeight, kernelWidth, channels, filters},
                Initializer.byName("glorot_uniform"), receptive * channels, receptive * filters, true);
        if (useBias) {
            bias = addWeight("bias", new int[] {filters}, Initializer.byName("zeros"), 0, 0, true);
        }
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        // Bias and an element-wise activation run inside the convolution's kernel.
        return afterFusion(Ops.conv2d(inputs, kernel.value(), useBias ? bias.value() : null, fusedActivation(),
                fusedParameter(), strides, strides, padding));
    }
}
