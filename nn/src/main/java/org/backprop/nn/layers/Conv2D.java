package org.backprop.nn.layers;

import java.util.function.UnaryOperator;
import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.initializers.Initializer;
import org.backprop.nn.ops.Ops;

/**
 * A 2-D convolution, as Keras's {@code Conv2D}: inputs {@code [batch, h, w, c]}, kernel
 * {@code [k, k, c, filters]}, bias {@code [filters]}, outputs {@code [batch, outH, outW, filters]}.
 */
public final class Conv2D extends Layer {
    private final int filters;
    private final int kernelSize;
    private int strides = 1;
    private String padding = "valid";
    private String activationName = "linear";
    private UnaryOperator<Tensor> activation = Activations.byName("linear");
    private boolean useBias = true;
    private Variable kernel;
    private Variable bias;

    /** Returns a layer of {@code filters} square {@code kernelSize} filters, stride 1, "valid" padding. */
    public Conv2D(int filters, int kernelSize) {
        super("conv2d");
        this.filters = Windows.positive("filters", filters);
        this.kernelSize = Windows.positive("kernelSize", kernelSize);
    }

    /** Returns the layer with the activation Keras calls {@code activation}, e.g. {@code new Conv2D(32, 3, "relu")}. */
    public Conv2D(int filters, int kernelSize, String activation) {
        this(filters, kernelSize);
        activation(activation);
    }

    public Conv2D strides(int value) {
        strides = Windows.positive("strides", value);
        return this;
    }

    public Conv2D padding(String value) {
        padding = Windows.padding(value);
        return this;
    }

    public Conv2D activation(String name) {
        activation = Activations.byName(name);
        activationName = name;
        return this;
    }

    public Conv2D useBias(boolean value) {
        useBias = value;
        return this;
    }

    @Override
    public String typeName() {
        return "Conv2D";
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
        kernel = addWeight("kernel", new int[] {kernelSize, kernelSize, channels, filters},
                Initializer.byName("glorot_uniform"), receptive * channels, receptive * filters, true);
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
        Tensor outputs = Ops.conv2d(inputs, kernel.value(), strides, strides, padding);
        if (useBias) {
            outputs = Ops.add(outputs, bias.value());
        }
        return activation.apply(outputs);
    }

    /** Returns the activation's Keras name. */
    public String activation() {
        return activationName;
    }
}
