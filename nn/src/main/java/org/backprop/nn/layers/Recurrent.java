package org.backprop.nn.layers;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;
import org.backprop.nn.regularizers.Regularizer;
import org.backprop.nn.regularizers.Regularizers;

/**
 * What Keras's recurrent layers share ({@code keras.layers.RNN} around a cell): inputs {@code [batch, steps,
 * features]}, outputs the last output {@code [batch, units]}, or every step's {@code [batch, steps, units]} with
 * {@link #returnSequences}. States start at zero. With {@link #goBackwards} the steps are read last to first, and
 * every step's output comes in that order, as in Keras. A {@link Masks mask} {@code [batch, steps]} skips padding: a
 * masked step keeps the previous state and output (Keras's default {@code zero_output_for_mask=False}). The output
 * carries the input's mask with {@code returnSequences} and none without.
 *
 * <p>A subclass is the cell: its weights, the input part of every step computed for all steps in one product
 * ({@link #project}), and one step ({@link #step}).
 */
public abstract class Recurrent<R extends Recurrent<R>> extends Layer {
    private final int units;
    private boolean returnSequences;
    private boolean goBackwards;

    /** Returns the layer with {@code units} values of state, named as {@link Layer#Layer(String, String)} does. */
    protected Recurrent(String kerasPrefix, String name, int units) {
        super(kerasPrefix, name);
        if (units <= 0) {
            throw new IllegalArgumentException("units must be positive, got " + units);
        }
        this.units = units;
    }

    /** Returns the number of values of state (and of output) per example. */
    public final int units() {
        return units;
    }

    /** Returns whether every step's output is returned. */
    public final boolean returnsSequences() {
        return returnSequences;
    }

    /** Returns whether the steps are read last to first. */
    public final boolean goesBackwards() {
        return goBackwards;
    }

    /**
     * Returns a new, unbuilt layer named {@code name} with this one's settings, reading the steps backwards when
     * {@code backwards}: Bidirectional's two directions, as Keras recreates them from the layer's config.
     */
    protected abstract R copy(String name, boolean backwards);

    /** Returns the cell's input part for inputs {@code [m, features]}: {@code [m, width]}, width the subclass's. */
    protected abstract Tensor project(Tensor inputs);

    /**
     * Returns the states after one step from {@code projected} {@code [batch, width]} (this step's part of
     * {@link #project}) and {@code states}, each {@code [batch, units]}; the first state is the step's output.
     */
    protected abstract Tensor[] step(Tensor projected, Tensor[] states);

    /** Returns the number of states the cell keeps: LSTM two (h and c), the others one. */
    protected int stateCount() {
        return 1;
    }

    /** Gives {@code copy} (see {@link #copy}) this layer's shared settings, reading backwards when {@code backwards}. */
    protected final R withSettingsOf(R copy, boolean backwards) {
        return copy.returnSequences(returnSequences).goBackwards(backwards)
                .kernelRegularizer(regularizer("kernel_regularizer"))
                .recurrentRegularizer(regularizer("recurrent_regularizer"))
                .biasRegularizer(regularizer("bias_regularizer"));
    }

    @SuppressWarnings("unchecked")
    private R self() {
        return (R) this;
    }

    /** Sets whether every step's output is returned (Keras's {@code return_sequences}); before the layer is built. */
    public final R returnSequences(boolean value) {
        checkUnbuilt("returnSequences");
        returnSequences = value;
        return self();
    }

    /** Sets whether the steps are read last to first (Keras's {@code go_backwards}); before the layer is built. */
    public final R goBackwards(boolean value) {
        checkUnbuilt("goBackwards");
        goBackwards = value;
        return self();
    }

    /**
     * Sets the penalty on the input kernel that training adds to the loss, Keras's {@code kernel_regularizer} (null:
     * none); before the layer is built.
     */
    public final R kernelRegularizer(Regularizer regularizer) {
        regularize("kernel_regularizer", "kernel", regularizer);
        return self();
    }

    /**
     * Sets the penalty on the input kernel by Keras name, {@code "l1"}, {@code "l2"} or {@code "l1_l2"}, factor 0.01.
     */
    public final R kernelRegularizer(String name) {
        return kernelRegularizer(Regularizers.get(name));
    }

    /**
     * Sets the penalty on the recurrent kernel that training adds to the loss, Keras's {@code recurrent_regularizer}
     * (null: none); before the layer is built.
     */
    public final R recurrentRegularizer(Regularizer regularizer) {
        regularize("recurrent_regularizer", "recurrent_kernel", regularizer);
        return self();
    }

    /**
     * Sets the penalty on the recurrent kernel by Keras name, {@code "l1"}, {@code "l2"} or {@code "l1_l2"}, factor
     * 0.01.
     */
    public final R recurrentRegularizer(String name) {
        return recurrentRegularizer(Regularizers.get(name));
    }

    /**
     * Sets the penalty on the bias that training adds to the loss, Keras's {@code bias_regularizer} (null: none);
     * before the layer is built.
     */
    public final R biasRegularizer(Regularizer regularizer) {
        regularize("bias_regularizer", "bias", regularizer);
        return self();
    }

    /** Sets the penalty on the bias by Keras name, {@code "l1"}, {@code "l2"} or {@code "l1_l2"}, factor 0.01. */
    public final R biasRegularizer(String name) {
        return biasRegularizer(Regularizers.get(name));
    }

    private void checkUnbuilt(String setting) {
        if (built()) {
            throw new IllegalStateException(setting + " must be set before layer \"" + name() + "\" is built");
        }
    }

    @Override
    public LayerConfig getConfig() {
        return super.getConfig().put("units", units).put("return_sequences", returnSequences)
                .put("go_backwards", goBackwards);
    }

    @Override
    protected void checkInputShape(int[] shape) {
        if (shape.length != 2) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" (" + typeName() + ") needs input of shape"
                    + " (None, steps, features), got " + Shapes.describe(Shapes.withBatch(-1, shape)));
        }
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return returnSequences ? new int[] {inputShape[0], units} : new int[] {units};
    }

    @Override
    public Tensor computeMask(Tensor inputs, Tensor mask) {
        return returnSequences ? mask : null;
    }

    @Override
    protected final Tensor forward(Tensor inputs, boolean training) {
        return forward(inputs, null, training);
    }

    @Override
    protected final Tensor forward(Tensor inputs, Tensor mask, boolean training) {
        int batch = inputs.dim(0);
        int steps = inputs.dim(1);
        Tensor flat = Ops.reshape(inputs, new int[] {batch * steps, inputs.dim(2)});
        Tensor projected = project(flat);
        int width = projected.dim(1);
        projected = Ops.reshape(projected, new int[] {batch, steps, width});
        Tensor[] states = new Tensor[stateCount()];
        for (int i = 0; i < states.length; i++) {
            states[i] = Tensor.zeros(batch, units);
        }
        List<Tensor> outputs = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            int t = goBackwards ? steps - 1 - i : i;
            Tensor[] next = step(Ops.reshape(Ops.slice(projected, 1, t, 1), new int[] {batch, width}), states);
            if (mask != null) {
                // The output is state 0, so keeping the states keeps the output too.
                Tensor stepMask = Masks.step(mask, t);
                for (int s = 0; s < next.length; s++) {
                    next[s] = Masks.keep(stepMask, next[s], states[s]);
                }
            }
            states = next;
            if (returnSequences) {
                outputs.add(Ops.reshape(states[0], new int[] {batch, 1, units}));
            }
        }
        return returnSequences ? Ops.concatenate(outputs, 1) : states[0];
    }
}
