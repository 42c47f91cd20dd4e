package org.backprop.nn.layers;

import java.util.function.UnaryOperator;
import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.initializers.Initializer;
import org.backprop.nn.ops.Ops;

/**
 * A depthwise convolution followed by a 1×1 (pointwise) convolution, as Keras's {@code SeparableConv2D}
 * (book section 9.3): depthwise kernel {@code [k, k, c, m]}, pointwise kernel {@code [1, 1, c·m, filters]},
 * bias {@code [filters]}.
 */
public final class SeparableConv2D extends Layer {
    private final int filters;
    private final int kernelSize;
    private int strides = 1;
    private String padding = "valid";
    private int depthMultiplier = 1;
    private boolean useBias = true;
    private UnaryOperator<Tensor> activation = Activations.byName("linear");
    private Variable depthwiseKernel;
    private Variable pointwiseKernel;
    private Variable bias;

    public SeparableConv2D(int filters, int kernelSize) {
        super("separable_conv2d");
        this.filters = Windows.positive("filters", filters);
        this.kernelSize = Windows.positive("kernelSize", kernelSize);
    }

    public SeparableConv2D strides(int value) {
        strides = Windows.positive("strides", value);
        return this;
    }

    public SeparableConv2D padding(String value) {
        padding = Windows.padding(value);
        return this;
    }

    public SeparableConv2D depthMultiplier(int value) {
        depthMultiplier = Windows.positive("depthMultiplier", value);
        return this;
    }

    public SeparableConv2D useBias(boolean value) {
        useBias = value;
        return this;
    }

    public SeparableConv2D activation(String name) {
        activation = Activations.byName(name);
        return this;
    }

    @Override
    public String typeName() {
        return "SeparableConv2D";
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
        depthwiseKernel = addWeight("depthwise_kernel", new int[] {kernelSize, kernelSize, channels, depthMultiplier},
                Initializer.byName("glorot_uniform"), receptive * channels, receptive * depthMultiplier, true);
        pointwiseKernel = addWeight("pointwise_kernel", new int[] {1, 1, channels * depthMultiplier, filters},
                Initializer.byName("glorot_uniform"), channels * depthMultiplier, filters, true);
        if (useBias) {
            bias = addWeight("bias", new int[] {filters}, Initializer.byName("zeros"), 0, 0, true);
        }
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return Windows.outputShape(this, inputShape, kernelSize, strides, padding, filters);
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        Tensor depthwise = Ops.depthwiseConv2d(inputs, depthwiseKernel.value(), strides, strides, padding);
        Tensor outputs = Ops.conv2d(depthwise, pointwiseKernel.value(), 1, 1, "valid");
        if (useBias) {
            outputs = Ops.add(outputs, bias.value());
        }
        return activation.apply(outputs);
    }
}
