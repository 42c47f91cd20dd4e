package org.backprop.nn.layers;

import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.initializers.Initializer;
import org.backprop.nn.initializers.Initializers;
import org.backprop.nn.ops.Ops;

/**
 * A fully-connected recurrent layer, as Keras 3's {@code SimpleRNN(units)}: each step's output is
 * {@code tanh(x·kernel + h·recurrent_kernel + bias)}, h the previous output. Inputs {@code [batch, steps, features]},
 * outputs {@code [batch, units]} or, with {@link #returnSequences}, {@code [batch, steps, units]}; {@link #goBackwards}
 * and masks as {@link Recurrent} says. Weights, in Keras's order: {@code kernel} {@code [features, units]} (Glorot
 * uniform), {@code recurrent_kernel} {@code [units, units]} (orthogonal), {@code bias} {@code [units]} (zeros).
 * Keras's other activations, dropout, {@code return_state} and {@code stateful} are not offered.
 */
public final class SimpleRNN extends Recurrent<SimpleRNN> {
    private Variable kernel;
    private Variable recurrentKernel;
    private Variable bias;

    /** Returns the layer with {@code units} values of state. */
    public SimpleRNN(int units) {
        super("simple_rnn", null, units);
    }

    private SimpleRNN(int units, String name) {
        super("simple_rnn", name, units);
    }

    @Override
    protected SimpleRNN copy(String name, boolean backwards) {
        return withSettingsOf(new SimpleRNN(units(), name), backwards);
    }

    @Override
    public String typeName() {
        return "SimpleRNN";
    }

    @Override
    protected void createWeights(int[] inputShape) {
        int features = inputShape[1];
        int units = units();
        kernel = addWeight("kernel", new int[] {features, units}, Initializer.byName("glorot_uniform"), features,
                units, true);
        recurrentKernel = addWeight("recurrent_kernel", new int[] {units, units}, Initializers.orthogonal(), units,
                units, true);
        bias = addWeight("bias", new int[] {units}, Initializer.byName("zeros"), features, units, true);
    }

    @Override
    protected Tensor project(Tensor inputs) {
        return Ops.add(Ops.matmul(inputs, kernel.value()), bias.value());
    }

    @Override
    protected Tensor[] step(Tensor projected, Tensor[] states) {
        return new Tensor[] {Ops.tanh(Ops.add(projected, Ops.matmul(states[0], recurrentKernel.value())))};
    }
}
