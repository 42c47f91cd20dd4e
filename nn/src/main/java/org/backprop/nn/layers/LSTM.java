package org.backprop.nn.layers;

import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.initializers.Initializer;
import org.backprop.nn.initializers.Initializers;
import org.backprop.nn.internal.TensorInternals;
import org.backprop.nn.ops.Ops;

/**
 * A long short-term memory layer, as Keras 3's {@code LSTM(units)}: inputs {@code [batch, steps, features]},
 * outputs the last state {@code [batch, units]}, or every step's {@code [batch, steps, units]} with
 * {@link #returnSequences}; {@link #goBackwards} and masks as {@link Recurrent} says. Weights, in Keras's order and
 * gate layout (input, forget, cell, output, each {@code units} wide): {@code kernel} {@code [features, 4·units]}
 * (Glorot uniform), {@code recurrent_kernel} {@code [units, 4·units]} (orthogonal) and {@code bias}
 * {@code [4·units]} (ones for the forget gate, as {@code unit_forget_bias=True}, zeros elsewhere). Gates use
 * sigmoid, the cell and output tanh. Keras's dropout, {@code return_state} and {@code stateful} are not offered.
 */
public final class LSTM extends Recurrent<LSTM> {
    private Variable kernel;
    private Variable recurrentKernel;
    private Variable bias;

    /** Returns the layer with {@code units} values of state. */
    public LSTM(int units) {
        super("lstm", null, units);
    }

    private LSTM(int units, String name) {
        super("lstm", name, units);
    }

    @Override
    protected LSTM copy(String name, boolean backwards) {
        return withSettingsOf(new LSTM(units(), name), backwards);
    }

    @Override
    public String typeName() {
        return "LSTM";
    }

    @Override
    protected void createWeights(int[] inputShape) {
        int features = inputShape[1];
        int units = units();
        kernel = addWeight("kernel", new int[] {features, 4 * units}, Initializer.byName("glorot_uniform"), features,
                4 * units, true);
        recurrentKernel = addWeight("recurrent_kernel", new int[] {units, 4 * units}, Initializers.orthogonal(),
                units, 4 * units, true);
        bias = addWeight("bias", new int[] {4 * units}, (shape, fanIn, fanOut, random) -> {
            float[] values = new float[4 * units];
            java.util.Arrays.fill(values, units, 2 * units, 1f);
            return TensorInternals.wrap(shape.clone(), values);
        }, features, 4 * units, true);
    }

    @Override
    protected int stateCount() {
        return 2;
    }

    @Override
    protected Tensor project(Tensor inputs) {
        return Ops.add(Ops.matmul(inputs, kernel.value()), bias.value());
    }

    @Override
    protected Tensor[] step(Tensor projected, Tensor[] states) {
        Tensor z = Ops.add(projected, Ops.matmul(states[0], recurrentKernel.value()));
        Tensor input = Ops.sigmoid(gate(z, 0));
        Tensor forget = Ops.sigmoid(gate(z, 1));
        Tensor candidate = Ops.tanh(gate(z, 2));
        Tensor output = Ops.sigmoid(gate(z, 3));
        Tensor c = Ops.add(Ops.multiply(forget, states[1]), Ops.multiply(input, candidate));
        return new Tensor[] {Ops.multiply(output, Ops.tanh(c)), c};
    }

    /** Returns gate {@code index} (0 input, 1 forget, 2 cell, 3 output) of the pre-activations z {@code [batch, 4·units]}. */
    private Tensor gate(Tensor z, int index) {
        return Ops.slice(z, 1, index * units(), units());
    }
}
