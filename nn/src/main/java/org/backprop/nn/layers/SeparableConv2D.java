package org.backprop.nn.layers;

import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.initializers.Initializer;
import org.backprop.nn.ops.Ops;
import org.backprop.nn.regularizers.Regularizer;
import org.backprop.nn.regularizers.Regularizers;

/**
 * A depthwise convolution followed by a 1×1 (pointwise) convolution, as Keras's {@code SeparableConv2D}
 * (book section 9.3): depthwise kernel {@code [k, k, c, m]}, pointwise kernel {@code [1, 1, c·m, filters]},
 * bias {@code [filters]}.
 */
public final class SeparableConv2D extends BaseConv<SeparableConv2D> {
    private final int filters;
    private int depthMultiplier = 1;
    private Variable depthwiseKernel;
    private Variable pointwiseKernel;
    private Variable bias;

    public SeparableConv2D(int filters, int kernelSize) {
        super("separable_conv2d", kernelSize);
        this.filters = Windows.positive("filters", filters);
    }

    public SeparableConv2D depthMultiplier(int value) {
        depthMultiplier = Windows.positive("depthMultiplier", value);
        return this;
    }

    @Override
    protected SeparableConv2D self() {
        return this;
    }

    /**
     * Sets the penalty on the depthwise kernel that training adds to the loss, Keras's {@code depthwise_regularizer}
     * (null: none); before the layer is built.
     */
    public SeparableConv2D depthwiseRegularizer(Regularizer regularizer) {
        regularize("depthwise_regularizer", "depthwise_kernel", regularizer);
        return this;
    }

    /**
     * Sets the penalty on the depthwise kernel by Keras name, {@code "l1"}, {@code "l2"} or {@code "l1_l2"}, factor
     * 0.01.
     */
    public SeparableConv2D depthwiseRegularizer(String name) {
        return depthwiseRegularizer(Regularizers.get(name));
    }

    /**
     * Sets the penalty on the pointwise kernel that training adds to the loss, Keras's {@code pointwise_regularizer}
     * (null: none); before the layer is built.
     */
    public SeparableConv2D pointwiseRegularizer(Regularizer regularizer) {
        regularize("pointwise_regularizer", "pointwise_kernel", regularizer);
        return this;
    }

    /**
     * Sets the penalty on the pointwise kernel by Keras name, {@code "l1"}, {@code "l2"} or {@code "l1_l2"}, factor
     * 0.01.
     */
    public SeparableConv2D pointwiseRegularizer(String name) {
        return pointwiseRegularizer(Regularizers.get(name));
    }

    @Override
    public String typeName() {
        return "SeparableConv2D";
    }

    @Override
    public LayerConfig getConfig() {
        return super.getConfig().put("filters", filters).put("depth_multiplier", depthMultiplier);
    }

    @Override
    protected int outputChannels(int inputChannels) {
        return filters;
    }

    @Override
    protected void createWeights(int[] inputShape) {
        int channels = inputShape[2];
        int receptive = kernelHeight * kernelWidth;
        depthwiseKernel = addWeight("depthwise_kernel", new int[] {kernelHeight, kernelWidth, channels, depthMultiplier},
                Initializer.byName("glorot_uniform"), receptive * channels, receptive * depthMultiplier, true);
        pointwiseKernel = addWeight("pointwise_kernel", new int[] {1, 1, channels * depthMultiplier, filters},
                Initializer.byName("glorot_uniform"), channels * depthMultiplier, filters, true);
        if (useBias) {
            bias = addWeight("bias", new int[] {filters}, Initializer.byName("zeros"), 0, 0, true);
        }
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        Tensor depthwise = Ops.depthwiseConv2d(inputs, depthwiseKernel.value(), strides, strides, padding);
        return finish(Ops.conv2d(depthwise, pointwiseKernel.value(), 1, 1, "valid"), useBias ? bias.value() : null);
    }
}
