package org.backprop.nn.layers;

import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.initializers.Initializer;
import org.backprop.nn.initializers.Initializers;
import org.backprop.nn.ops.Ops;

/**
 * A gated recurrent unit layer, as Keras 3's {@code GRU(units)}: inputs {@code [batch, steps, features]}, outputs
 * {@code [batch, units]} or, with {@link #returnSequences}, {@code [batch, steps, units]}; {@link #goBackwards} and
 * masks as {@link Recurrent} says. Gates in Keras's order (update z, reset r, candidate), each {@code units} wide:
 * z and r sigmoid, the candidate tanh, and the new state {@code z·h + (1 − z)·candidate}. Weights, in Keras's
 * order: {@code kernel} {@code [features, 3·units]} (Glorot uniform), {@code recurrent_kernel}
 * {@code [units, 3·units]} (orthogonal) and {@code bias} (zeros): {@code [2, 3·units]} (input and recurrent biases)
 * with Keras 3's default {@link #resetAfter} true, which applies r after the recurrent product, or
 * {@code [3·units]} without, which applies r to h before it. Keras's dropout, {@code return_state} and
 * {@code stateful} are not offered.
 */
public final class GRU extends Recurrent<GRU> {
    private boolean resetAfter = true;
    private Variable kernel;
    private Variable recurrentKernel;
    private Variable bias;

    /** Returns the layer with {@code units} values of state. */
    public GRU(int units) {
        super("gru", null, units);
    }

    private GRU(int units, String name) {
        super("gru", name, units);
    }

    @Override
    protected GRU copy(String name, boolean backwards) {
        return withSettingsOf(new GRU(units(), name), backwards).resetAfter(resetAfter);
    }

    /** Sets Keras's {@code reset_after} (true unless set): where the reset gate applies; before the layer is built. */
    public GRU resetAfter(boolean value) {
        if (built()) {
            throw new IllegalStateException("resetAfter must be set before layer \"" + name() + "\" is built");
        }
        resetAfter = value;
        return this;
    }

    @Override
    public String typeName() {
        return "GRU";
    }

    @Override
    public LayerConfig getConfig() {
        return super.getConfig().put("reset_after", resetAfter);
    }

    @Override
    protected void createWeights(int[] inputShape) {
        int features = inputShape[1];
        int width = 3 * units();
        kernel = addWeight("kernel", new int[] {features, width}, Initializer.byName("glorot_uniform"), features,
                width, true);
        recurrentKernel = addWeight("recurrent_kernel", new int[] {units(), width}, Initializers.orthogonal(),
                units(), width, true);
        bias = addWeight("bias", resetAfter ? new int[] {2, width} : new int[] {width}, Initializer.byName("zeros"),
                features, width, true);
    }

    @Override
    protected Tensor project(Tensor inputs) {
        Tensor inputBias = resetAfter ? Ops.reshape(Ops.slice(bias.value(), 0, 0, 1), new int[] {3 * units()})
                : bias.value();
        return Ops.add(Ops.matmul(inputs, kernel.value()), inputBias);
    }

    @Override
    protected Tensor[] step(Tensor projected, Tensor[] states) {
        Tensor h = states[0];
        Tensor candidateInput = gate(projected, 2);
        Tensor z;
        Tensor r;
        Tensor candidate;
        if (resetAfter) {
            Tensor recurrentBias = Ops.reshape(Ops.slice(bias.value(), 0, 1, 1), new int[] {3 * units()});
            Tensor inner = Ops.add(Ops.matmul(h, recurrentKernel.value()), recurrentBias);
            z = Ops.sigmoid(Ops.add(gate(projected, 0), gate(inner, 0)));
            r = Ops.sigmoid(Ops.add(gate(projected, 1), gate(inner, 1)));
            candidate = Ops.tanh(Ops.add(candidateInput, Ops.multiply(r, gate(inner, 2))));
        } else {
            Tensor gates = Ops.matmul(h, Ops.slice(recurrentKernel.value(), 1, 0, 2 * units()));
            z = Ops.sigmoid(Ops.add(gate(projected, 0), gate(gates, 0)));
            r = Ops.sigmoid(Ops.add(gate(projected, 1), gate(gates, 1)));
            Tensor candidateKernel = Ops.slice(recurrentKernel.value(), 1, 2 * units(), units());
            candidate = Ops.tanh(Ops.add(candidateInput, Ops.matmul(Ops.multiply(r, h), candidateKernel)));
        }
        // z·h + (1 − z)·candidate, written as candidate + z·(h − candidate).
        return new Tensor[] {Ops.add(candidate, Ops.multiply(z, Ops.subtract(h, candidate)))};
    }

    /** Returns gate {@code index} (0 update, 1 reset, 2 candidate) of {@code x} {@code [batch, 3·units]}. */
    private Tensor gate(Tensor x, int index) {
        return Ops.slice(x, 1, index * units(), units());
    }
}
