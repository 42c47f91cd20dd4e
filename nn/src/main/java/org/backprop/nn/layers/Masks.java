package org.backprop.nn.layers;

import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;

/**
 * Masks, as Keras's {@code _keras_mask}: which steps of a batch of sequences are real and which are padding.
 * A mask is a {@code [batch, steps]} tensor of 1 (a real step) and 0 (padding), with no gradient, that travels
 * beside a layer's {@code [batch, steps, …]} output.
 *
 * <p>Where masks come from and where they go: {@code new Embedding(n, d).maskZero(true)} makes one from its ids
 * ({@link Layer#computeMask}); {@code Sequential} and functional models hand each layer the mask of its input
 * ({@link Layer#callWithMask}) and carry on the mask the layer computes. A layer that
 * {@link Layer#supportsMasking() supports masking} (Dense, Dropout, Activation, the normalisations,
 * MultiHeadAttention) passes its input's mask on; Add and Concatenate pass on where all their inputs' masks are 1;
 * the recurrent layers with {@code returnSequences} pass it on and
 * otherwise end it; every other layer ends it, as in Keras. Layers that use it: {@link Recurrent} (a masked step
 * keeps the previous state and output), {@link Bidirectional}, {@link MultiHeadAttention} (query and value masks
 * become the attention mask) and {@link GlobalAveragePooling1D} (averages the real steps only). A layer made of
 * layers receives its input's mask in {@link Layer#forward(Tensor, Tensor, boolean)} and hands it on itself, as the
 * book's {@code TransformerEncoder.call(inputs, mask)} does.
 */
public final class Masks {
    /** Keras's {@code _large_negative_number} for float32: added to the scores of masked keys. */
    private static final float LARGE_NEGATIVE = -1e9f;

    private Masks() {
    }

    /** Returns the mask of {@code ids} {@code [batch, steps]}: 1 where an id is not 0, as Keras's {@code mask_zero}. */
    public static Tensor notZero(Tensor ids) {
        // Ids are read on the host anyway: the look-up before it (Ops.gather) checks every one there.
        float[] values = ids.toArray();
        for (int i = 0; i < values.length; i++) {
            values[i] = values[i] != 0 ? 1f : 0f;
        }
        return Tensor.of(ids.shape(), values);
    }

    /** Fails, naming {@code layer}, unless {@code mask} is {@code [batch, steps]} for inputs {@code [batch, steps, …]}. */
    static void check(Layer layer, Tensor mask, Tensor inputs) {
        if (mask.rank() != 2 || inputs.rank() < 2 || mask.dim(0) != inputs.dim(0) || mask.dim(1) != inputs.dim(1)) {
            throw new IllegalArgumentException("Layer \"" + layer.name() + "\" (" + layer.typeName() + ") needs a mask"
                    + " of shape (batch, steps) for its input of shape " + Shapes.describe(inputs.shape())
                    + ", got a mask of shape " + Shapes.describe(mask.shape()));
        }
    }

    /** Returns step {@code t} of {@code mask} {@code [batch, steps]} as a column {@code [batch, 1]}. */
    static Tensor step(Tensor mask, int t) {
        return Ops.reshape(Ops.slice(mask, 1, t, 1), new int[] {mask.dim(0), 1});
    }

    /** Returns {@code next} where {@code stepMask} {@code [batch, 1]} is 1 and {@code previous} where it is 0. */
    static Tensor keep(Tensor stepMask, Tensor next, Tensor previous) {
        Tensor masked = Ops.subtract(Tensor.scalar(1f), stepMask);
        return Ops.add(Ops.multiply(next, stepMask), Ops.multiply(previous, masked));
    }

    /**
     * Returns the attention mask {@code [batch, tq, tk]} of Keras's MultiHeadAttention: 1 where a query step may
     * attend to a key step, the product of the query mask {@code [batch, tq]}, the value and key masks
     * {@code [batch, tk]} and the explicit {@code attentionMask} ({@code [batch, tq, tk]} or {@code [batch, 1, tk]});
     * any may be null, and the result is null when all are.
     */
    static Tensor attention(Tensor queryMask, Tensor valueMask, Tensor keyMask, Tensor attentionMask, int batch,
            int tq, int tk) {
        Tensor result = attentionMask;
        if (queryMask != null) {
            result = and(result, Ops.reshape(queryMask, new int[] {batch, tq, 1}));
        }
        if (valueMask != null) {
            result = and(result, Ops.reshape(valueMask, new int[] {batch, 1, tk}));
        }
        if (keyMask != null) {
            result = and(result, Ops.reshape(keyMask, new int[] {batch, 1, tk}));
        }
        return result == null ? null : Ops.multiply(result, Tensor.filled(1f, batch, tq, tk));
    }

    /**
     * Returns {@code attentionMask} (or nothing, when null) and Keras 3's causal mask {@code [1, tq, tk]}: 1 where
     * key step j ≤ query step i, as its {@code _compute_causal_mask} (row index ≥ column index, both counted from
     * the first step).
     */
    static Tensor causal(Tensor attentionMask, int tq, int tk) {
        float[] lower = new float[tq * tk];
        for (int i = 0; i < tq; i++) {
            for (int j = 0; j <= i && j < tk; j++) {
                lower[i * tk + j] = 1f;
            }
        }
        return and(attentionMask, Tensor.of(new int[] {1, tq, tk}, lower));
    }

    private static Tensor and(Tensor a, Tensor b) {
        return a == null ? b : Ops.multiply(a, b);
    }

    /**
     * Returns Keras's masked softmax over the last axis of {@code scores} {@code [batch, heads, tq, tk]}: masked keys
     * get {@code -1e9} added before the softmax and a probability of 0 after it (so a query with no key left
     * attends to nothing); {@code mask} is {@code [batch, 1, tq, tk]}.
     */
    static Tensor softmax(Tensor scores, Tensor mask) {
        Tensor adder = Ops.scale(Ops.subtract(Tensor.scalar(1f), mask), LARGE_NEGATIVE);
        return Ops.multiply(Ops.softmax(Ops.add(scores, adder)), mask);
    }
}
