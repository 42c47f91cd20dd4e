package org.backprop.nn.layers;

import java.util.function.UnaryOperator;
import org.backprop.nn.Tensor;
import org.backprop.nn.backend.UnaryOp;
import org.backprop.nn.ops.Ops;
import org.backprop.nn.regularizers.Regularizer;
import org.backprop.nn.regularizers.Regularizers;

/**
 * What Conv2D, Conv2DTranspose, DepthwiseConv2D and SeparableConv2D share, as Keras's {@code BaseConv}: a kernel over
 * images {@code [batch, h, w, c]}, strides, "valid" or "same" padding, an optional bias and an activation,
 * each settable by chained calls before the layer is built.
 */
public abstract class BaseConv<L extends BaseConv<L>> extends Layer {
    protected final int kernelHeight;
    protected final int kernelWidth;
    protected int strides = 1;
    protected String padding = "valid";
    protected boolean useBias = true;
    private String activationName = "linear";
    private UnaryOperator<Tensor> activation = Activations.byName("linear");

    /** A square {@code kernelSize × kernelSize} kernel. */
    protected BaseConv(String kerasPrefix, int kernelSize) {
        super(kerasPrefix);
        this.kernelHeight = Windows.positive("kernelSize", kernelSize);
        this.kernelWidth = kernelSize;
    }

    /** A {@code kernelHeight × kernelWidth} kernel, as Keras's {@code kernel_size=(kernelHeight, kernelWidth)}. */
    protected BaseConv(String kerasPrefix, int kernelHeight, int kernelWidth) {
        super(kerasPrefix);
        this.kernelHeight = Windows.positive("kernelHeight", kernelHeight);
        this.kernelWidth = Windows.positive("kernelWidth", kernelWidth);
    }

    /** Returns this layer, for chained settings. */
    protected abstract L self();

    /** Returns the number of output channels for {@code inputChannels} input channels. */
    protected abstract int outputChannels(int inputChannels);

    public final L strides(int value) {
        strides = Windows.positive("strides", value);
        return self();
    }

    public final L padding(String value) {
        padding = Windows.padding(value);
        return self();
    }

    public final L useBias(boolean value) {
        useBias = value;
        return self();
    }

    public final L activation(String name) {
        activation = Activations.byName(name);
        activationName = name == null ? "linear" : name;
        return self();
    }

    /**
     * Sets the penalty on the bias that training adds to the loss, Keras's {@code bias_regularizer} (null: none);
     * before the layer is built.
     */
    public final L biasRegularizer(Regularizer regularizer) {
        regularize("bias_regularizer", "bias", regularizer);
        return self();
    }

    /** Sets the penalty on the bias by Keras name, {@code "l1"}, {@code "l2"} or {@code "l1_l2"}, factor 0.01. */
    public final L biasRegularizer(String name) {
        return biasRegularizer(Regularizers.get(name));
    }

    /** Returns the activation's Keras name. */
    public final String activation() {
        return activationName;
    }

    /** Returns the settings the convolutions share; each adds its own. */
    @Override
    public LayerConfig getConfig() {
        return super.getConfig().put("kernel_size", new int[] {kernelHeight, kernelWidth})
                .put("strides", new int[] {strides, strides}).put("padding", padding).put("activation", activationName)
                .put("use_bias", useBias);
    }

    /** Returns {@code activation(outputs + bias)}, the bias only when the layer has one. */
    protected final Tensor finish(Tensor outputs, Tensor bias) {
        return activation.apply(useBias ? Ops.add(outputs, bias) : outputs);
    }

    /** Returns the element-wise op a fused convolution applies for this layer's activation, or {@code null}. */
    protected final UnaryOp fusedActivation() {
        return Activations.fusedOp(activationName);
    }

    /** Returns the parameter of {@link #fusedActivation}'s op. */
    protected final float fusedParameter() {
        return Activations.fusedParameter(activationName);
    }

    /** Returns a fused convolution's outputs with the activation it could not apply (softmax, gelu) applied. */
    protected final Tensor afterFusion(Tensor outputs) {
        return fusedActivation() != null ? outputs : activation.apply(outputs);
    }

    @Override
    protected final void checkInputShape(int[] shape) {
        Windows.checkImageInput(this, shape);
        computeOutputShape(shape);
    }

    /** Returns the output shape by the convolution's rule; Conv2DTranspose has its own. */
    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return Windows.outputShape(this, inputShape, kernelHeight, kernelWidth, strides, padding,
                outputChannels(inputShape[2]));
    }
}
