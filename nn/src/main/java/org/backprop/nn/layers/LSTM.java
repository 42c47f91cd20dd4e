package org.backprop.nn.layers;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.initializers.Initializer;
import org.backprop.nn.initializers.Initializers;
import org.backprop.nn.internal.TensorInternals;
import org.backprop.nn.ops.Ops;

/**
 * A long short-term memory layer, as Keras 3's {@code LSTM(units)}: inputs {@code [batch, steps, features]},
 * outputs the last state {@code [batch, units]}, or every step's {@code [batch, steps, units]} with
 * {@link #returnSequences}. Weights, in Keras's order and gate layout (input, forget, cell, output, each
 * {@code units} wide): {@code kernel} {@code [features, 4·units]} (Glorot uniform), {@code recurrent_kernel}
 * {@code [units, 4·units]} (orthogonal) and {@code bias} {@code [4·units]} (ones for the forget gate, as
 * {@code unit_forget_bias=True}, zeros elsewhere). Gates use sigmoid, the cell and output tanh. States start
 * at zero; Keras's dropout, {@code return_state}, {@code go_backwards} and {@code stateful} are not offered.
 */
public final class LSTM extends Layer {
    private final int units;
    private boolean returnSequences;
    private Variable kernel;
    private Variable recurrentKernel;
    private Variable bias;

    /** Returns the layer with {@code units} values of state. */
    public LSTM(int units) {
        super("lstm");
        if (units <= 0) {
            throw new IllegalArgumentException("units must be positive, got " + units);
        }
        this.units = units;
    }

    /** Sets whether every step's output is returned (Keras's {@code return_sequences}); before the layer is built. */
    public LSTM returnSequences(boolean value) {
        if (built()) {
            throw new IllegalStateException("returnSequences must be set before layer \"" + name() + "\" is built");
        }
        returnSequences = value;
        return this;
    }

    @Override
    public String typeName() {
        return "LSTM";
    }

    @Override
    public LayerConfig getConfig() {
        return super.getConfig().put("units", units).put("return_sequences", returnSequences);
    }

    @Override
    protected void checkInputShape(int[] shape) {
        if (shape.length != 2) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" (LSTM) needs input of shape (None, steps,"
                    + " features), got " + Shapes.describe(Shapes.withBatch(-1, shape)));
        }
    }

    @Override
    protected void createWeights(int[] inputShape) {
        int features = inputShape[1];
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
    public int[] computeOutputShape(int[] inputShape) {
        return returnSequences ? new int[] {inputShape[0], units} : new int[] {units};
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        int batch = inputs.dim(0);
        int steps = inputs.dim(1);
        // The input part of every gate, for all steps in one product.
        Tensor flat = Ops.reshape(inputs, new int[] {batch * steps, inputs.dim(2)});
        Tensor projected = Ops.reshape(Ops.add(Ops.matmul(flat, kernel.value()), bias.value()),
                new int[] {batch, steps, 4 * units});
        Tensor h = Tensor.zeros(batch, units);
        Tensor c = Tensor.zeros(batch, units);
        List<Tensor> outputs = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            Tensor z = Ops.add(Ops.reshape(Ops.slice(projected, 1, t, 1), new int[] {batch, 4 * units}),
                    Ops.matmul(h, recurrentKernel.value()));
            Tensor input = Ops.sigmoid(gate(z, 0));
            Tensor forget = Ops.sigmoid(gate(z, 1));
            Tensor candidate = Ops.tanh(gate(z, 2));
            Tensor output = Ops.sigmoid(gate(z, 3));
            c = Ops.add(Ops.multiply(forget, c), Ops.multiply(input, candidate));
            h = Ops.multiply(output, Ops.tanh(c));
            if (returnSequences) {
                outputs.add(Ops.reshape(h, new int[] {batch, 1, units}));
            }
        }
        return returnSequences ? Ops.concatenate(outputs, 1) : h;
    }

    /** Returns gate {@code index} (0 input, 1 forget, 2 cell, 3 output) of the pre-activations z {@code [batch, 4·units]}. */
    private Tensor gate(Tensor z, int index) {
        return Ops.slice(z, 1, index * units, units);
    }
}
