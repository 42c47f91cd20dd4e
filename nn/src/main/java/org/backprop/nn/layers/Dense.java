package org.backprop.nn.layers;

import java.util.function.UnaryOperator;
import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.backend.UnaryOp;
import org.backprop.nn.initializers.Initializer;
import org.backprop.nn.ops.Ops;
import org.backprop.nn.regularizers.Regularizer;
import org.backprop.nn.regularizers.Regularizers;

/**
 * A fully connected layer, as Keras's {@code Dense}: {@code activation(inputs × kernel + bias)} on the
 * last axis. Inputs {@code [batch, …, in]}, kernel {@code [in, units]}, bias {@code [units]}, outputs
 * {@code [batch, …, units]}.
 */
public final class Dense extends Layer {
    private final int units;
    private final String activationName;
    private final UnaryOperator<Tensor> activation;
    private boolean useBias = true;
    private String kernelInitializerName = "glorot_uniform";
    private String biasInitializerName = "zeros";
    private Variable kernel;
    private Variable bias;

    /** Returns a linear layer with {@code units} outputs. */
    public Dense(int units) {
        this(units, "linear");
    }

    /** Returns a layer with {@code units} outputs and the activation Keras calls {@code activation}. */
    public Dense(int units, String activation) {
        super("dense");
        if (units <= 0) {
            throw new IllegalArgumentException("units must be positive, got " + units);
        }
        this.units = units;
        this.activationName = activation == null ? "linear" : activation;
        this.activation = Activations.byName(activationName);
    }

    /** Sets whether the layer adds a bias (Keras's {@code use_bias}); before the layer is built. */
    public Dense useBias(boolean value) {
        checkNotBuilt("useBias");
        this.useBias = value;
        return this;
    }

    /** Sets the kernel's initializer by Keras name, e.g. "he_normal"; before the layer is built. */
    public Dense kernelInitializer(String name) {
        checkNotBuilt("kernelInitializer");
        Initializer.byName(name); // fails now, naming the choices, rather than when the layer is built
        this.kernelInitializerName = name;
        return this;
    }

    /** Sets the bias's initializer by Keras name; before the layer is built. */
    public Dense biasInitializer(String name) {
        checkNotBuilt("biasInitializer");
        Initializer.byName(name); // fails now rather than when the layer is built
        this.biasInitializerName = name;
        return this;
    }

    /**
     * Sets the penalty on the kernel that training adds to the loss, Keras's {@code kernel_regularizer} (null: none);
     * before the layer is built.
     */
    public Dense kernelRegularizer(Regularizer regularizer) {
        regularize("kernel_regularizer", "kernel", regularizer);
        return this;
    }

    /** Sets the penalty on the kernel by Keras name, {@code "l1"}, {@code "l2"} or {@code "l1_l2"}, factor 0.01. */
    public Dense kernelRegularizer(String name) {
        return kernelRegularizer(Regularizers.get(name));
    }

    /**
     * Sets the penalty on the bias that training adds to the loss, Keras's {@code bias_regularizer} (null: none);
     * before the layer is built.
     */
    public Dense biasRegularizer(Regularizer regularizer) {
        regularize("bias_regularizer", "bias", regularizer);
        return this;
    }

    /** Sets the penalty on the bias by Keras name, {@code "l1"}, {@code "l2"} or {@code "l1_l2"}, factor 0.01. */
    public Dense biasRegularizer(String name) {
        return biasRegularizer(Regularizers.get(name));
    }

    private void checkNotBuilt(String setting) {
        if (built()) {
            throw new IllegalStateException(setting + " must be set before layer \"" + name() + "\" is built");
        }
    }

    /** Returns the number of outputs. */
    public int units() {
        return units;
    }

    /** Returns the activation's Keras name. */
    public String activation() {
        return activationName;
    }

    @Override
    public String typeName() {
        return "Dense";
    }

    /** Returns true: the layer works on each step alone, so its output keeps its input's mask. */
    @Override
    public boolean supportsMasking() {
        return true;
    }

    @Override
    public LayerConfig getConfig() {
        return super.getConfig().put("units", units).put("activation", activationName).put("use_bias", useBias)
                .put("kernel_initializer", kernelInitializerName).put("bias_initializer", biasInitializerName);
    }

    @Override
    protected void checkInputShape(int[] shape) {
        if (shape.length == 0) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" (Dense) needs inputs with a feature axis,"
                    + " got shape " + Shapes.describe(Shapes.withBatch(-1, shape)));
        }
    }

    @Override
    protected void createWeights(int[] inputShape) {
        int in = inputShape[inputShape.length - 1];
        kernel = addWeight("kernel", new int[] {in, units}, Initializer.byName(kernelInitializerName), in, units,
                true);
        if (useBias) {
            bias = addWeight("bias", new int[] {units}, Initializer.byName(biasInitializerName), in, units, true);
        }
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        int[] output = inputShape.clone();
        output[output.length - 1] = units;
        return output;
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        int in = inputs.dim(-1);
        Tensor flat = inputs.rank() == 2 ? inputs : Ops.reshape(inputs, new int[] {-1, in});
        // Product, bias and an element-wise activation are one op, one GPU kernel; softmax and gelu follow it.
        UnaryOp fused = Activations.fusedOp(activationName);
        Tensor outputs = Ops.dense(flat, kernel.value(), useBias ? bias.value() : null, fused,
                Activations.fusedParameter(activationName));
        if (inputs.rank() != 2) {
            int[] shape = inputs.shape();
            shape[shape.length - 1] = units;
            outputs = Ops.reshape(outputs, shape);
        }
        return fused != null ? outputs : activation.apply(outputs);
    }
}
