package org.backprop.nn.layers;

import java.util.function.UnaryOperator;
import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.initializers.Initializer;
import org.backprop.nn.ops.Ops;
import org.backprop.nn.regularizers.Regularizer;
import org.backprop.nn.regularizers.Regularizers;

/**
 * A 1-D convolution over sequences, as Keras's {@code Conv1D}: inputs {@code [batch, steps, c]}, kernel
 * {@code [k, c, filters]}, bias {@code [filters]}, outputs {@code [batch, outSteps, filters]}; stride 1 and "valid"
 * padding unless set. Computed as a 2-D convolution of a one-pixel-wide image, so every backend that convolves images
 * runs it, with the bias and activation fused in.
 */
public final class Conv1D extends Layer {
    private final int filters;
    private final int kernelSize;
    private int strides = 1;
    private String padding = "valid";
    private boolean useBias = true;
    private String activationName = "linear";
    private UnaryOperator<Tensor> activation = Activations.byName("linear");
    private Variable kernel;
    private Variable bias;

    /** Returns a layer of {@code filters} filters {@code kernelSize} steps long, stride 1, "valid" padding. */
    public Conv1D(int filters, int kernelSize) {
        super("conv1d");
        this.filters = Windows.positive("filters", filters);
        this.kernelSize = Windows.positive("kernelSize", kernelSize);
    }

    /** Returns the layer with the activation Keras calls {@code activation}, e.g. {@code new Conv1D(32, 7, "relu")}. */
    public Conv1D(int filters, int kernelSize, String activation) {
        this(filters, kernelSize);
        activation(activation);
    }

    public Conv1D strides(int value) {
        strides = Windows.positive("strides", value);
        return this;
    }

    /** Sets "valid" or "same" padding (Keras's "causal" is not offered). */
    public Conv1D padding(String value) {
        padding = Windows.padding(value);
        return this;
    }

    public Conv1D useBias(boolean value) {
        useBias = value;
        return this;
    }

    public Conv1D activation(String name) {
        activation = Activations.byName(name);
        activationName = name == null ? "linear" : name;
        return this;
    }

    /**
     * Sets the penalty on the kernel that training adds to the loss, Keras's {@code kernel_regularizer} (null: none);
     * before the layer is built.
     */
    public Conv1D kernelRegularizer(Regularizer regularizer) {
        regularize("kernel_regularizer", "kernel", regularizer);
        return this;
    }

    /** Sets the penalty on the kernel by Keras name, {@code "l1"}, {@code "l2"} or {@code "l1_l2"}, factor 0.01. */
    public Conv1D kernelRegularizer(String name) {
        return kernelRegularizer(Regularizers.get(name));
    }

    /**
     * Sets the penalty on the bias that training adds to the loss, Keras's {@code bias_regularizer} (null: none);
     * before the layer is built.
     */
    public Conv1D biasRegularizer(Regularizer regularizer) {
        regularize("bias_regularizer", "bias", regularizer);
        return this;
    }

    /** Sets the penalty on the bias by Keras name, {@code "l1"}, {@code "l2"} or {@code "l1_l2"}, factor 0.01. */
    public Conv1D biasRegularizer(String name) {
        return biasRegularizer(Regularizers.get(name));
    }

    @Override
    public String typeName() {
        return "Conv1D";
    }

    @Override
    public LayerConfig getConfig() {
        return super.getConfig().put("filters", filters).put("kernel_size", new int[] {kernelSize})
                .put("strides", new int[] {strides}).put("padding", padding).put("activation", activationName)
                .put("use_bias", useBias);
    }

    @Override
    protected void checkInputShape(int[] shape) {
        Windows.checkSequenceInput(this, shape);
        computeOutputShape(shape);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return new int[] {Windows.outputSteps(this, inputShape[0], kernelSize, strides, padding), filters};
    }

    @Override
    protected void createWeights(int[] inputShape) {
        int channels = inputShape[1];
        kernel = addWeight("kernel", new int[] {kernelSize, channels, filters}, Initializer.byName("glorot_uniform"),
                kernelSize * channels, kernelSize * filters, true);
        if (useBias) {
            bias = addWeight("bias", new int[] {filters}, Initializer.byName("zeros"), 0, 0, true);
        }
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        int batch = inputs.dim(0);
        int channels = inputs.dim(2);
        Tensor image = Ops.reshape(inputs, new int[] {batch, inputs.dim(1), 1, channels});
        Tensor kernel2d = Ops.reshape(kernel.value(), new int[] {kernelSize, 1, channels, filters});
        Tensor outputs = Ops.conv2d(image, kernel2d, useBias ? bias.value() : null,
                Activations.fusedOp(activationName), Activations.fusedParameter(activationName), strides, 1, padding);
        Tensor sequences = Ops.reshape(outputs, new int[] {batch, outputs.dim(1), filters});
        return Activations.fusedOp(activationName) != null ? sequences : activation.apply(sequences);
    }
}
