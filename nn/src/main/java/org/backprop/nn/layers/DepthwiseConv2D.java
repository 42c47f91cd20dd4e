package org.backprop.nn.layers;

import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.initializers.Initializer;
import org.backprop.nn.ops.Ops;
import org.backprop.nn.regularizers.Regularizer;
import org.backprop.nn.regularizers.Regularizers;

/**
 * Convolves each input channel with its own filters, as Keras's {@code DepthwiseConv2D}: inputs
 * {@code [batch, h, w, c]}, kernel {@code [k, k, c, depthMultiplier]}, bias {@code [c·depthMultiplier]}.
 */
public final class DepthwiseConv2D extends BaseConv<DepthwiseConv2D> {
    private int depthMultiplier = 1;
    private Variable kernel;
    private Variable bias;

    public DepthwiseConv2D(int kernelSize) {
        super("depthwise_conv2d", kernelSize);
    }

    public DepthwiseConv2D depthMultiplier(int value) {
        depthMultiplier = Windows.positive("depthMultiplier", value);
        return this;
    }

    @Override
    protected DepthwiseConv2D self() {
        return this;
    }

    /**
     * Sets the penalty on the depthwise kernel that training adds to the loss, Keras's {@code depthwise_regularizer}
     * (null: none); before the layer is built.
     */
    public DepthwiseConv2D depthwiseRegularizer(Regularizer regularizer) {
        regularize("depthwise_regularizer", "kernel", regularizer);
        return this;
    }

    /**
     * Sets the penalty on the depthwise kernel by Keras name, {@code "l1"}, {@code "l2"} or {@code "l1_l2"}, factor
     * 0.01.
     */
    public DepthwiseConv2D depthwiseRegularizer(String name) {
        return depthwiseRegularizer(Regularizers.get(name));
    }

    @Override
    public String typeName() {
        return "DepthwiseConv2D";
    }

    @Override
    public LayerConfig getConfig() {
        return super.getConfig().put("depth_multiplier", depthMultiplier);
    }

    @Override
    protected int outputChannels(int inputChannels) {
        return inputChannels * depthMultiplier;
    }

    @Override
    protected void createWeights(int[] inputShape) {
        int channels = inputShape[2];
        int receptive = kernelHeight * kernelWidth;
        kernel = addWeight("kernel", new int[] {kernelHeight, kernelWidth, channels, depthMultiplier},
                Initializer.byName("glorot_uniform"), receptive * channels, receptive * depthMultiplier, true);
        if (useBias) {
            bias = addWeight("bias", new int[] {channels * depthMultiplier}, Initializer.byName("zeros"), 0, 0, true);
        }
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        return finish(Ops.depthwiseConv2d(inputs, kernel.value(), strides, strides, padding),
                useBias ? bias.value() : null);
    }
}
