package org.backprop.nn.layers;

import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.initializers.Initializer;
import org.backprop.nn.ops.Ops;

/**
 * Convolves each input channel with its own filters, as Keras's {@code DepthwiseConv2D}: inputs
 * {@code [batch, h, w, c]}, kernel {@code [k, k, c, depthMultiplier]}, bias {@code [c·depthMultiplier]}.
 */
public final class DepthwiseConv2D extends Layer {
    private final int kernelSize;
    private int strides = 1;
    private String padding = "valid";
    private int depthMultiplier = 1;
    private boolean useBias = true;
    private Variable kernel;
    private Variable bias;

    public DepthwiseConv2D(int kernelSize) {
        super("depthwise_conv2d");
        this.kernelSize = Windows.positive("kernelSize", kernelSize);
    }

    public DepthwiseConv2D strides(int value) {
        strides = Windows.positive("strides", value);
        return this;
    }

    public DepthwiseConv2D padding(String value) {
        padding = Windows.padding(value);
        return this;
    }

    public DepthwiseConv2D depthMultiplier(int value) {
        depthMultiplier = Windows.positive("depthMultiplier", value);
        return this;
    }

    public DepthwiseConv2D useBias(boolean value) {
        useBias = value;
        return this;
    }

    @Override
    public String typeName() {
        return "DepthwiseConv2D";
    }

    @Override
    protected void checkInputShape(int[] shape) {
        Windows.checkImageInput(this, shape);
        computeOutputShape(shape);
    }

    @Override
    protected void createWeights(int[] inputShape) {
        int channels = inputShape[2];
        int receptive = kernelSize * kernelSize;
        kernel = addWeight("kernel", new int[] {kernelSize, kernelSize, channels, depthMultiplier},
                Initializer.byName("glorot_uniform"), receptive * channels, receptive * depthMultiplier, true);
        if (useBias) {
            bias = addWeight("bias", new int[] {channels * depthMultiplier}, Initializer.byName("zeros"), 0, 0, true);
        }
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return Windows.outputShape(this, inputShape, kernelSize, strides, padding, inputShape[2] * depthMultiplier);
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        Tensor outputs = Ops.depthwiseConv2d(inputs, kernel.value(), strides, strides, padding);
        return useBias ? Ops.add(outputs, bias.value()) : outputs;
    }
}
