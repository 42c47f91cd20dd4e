package org.backprop.nn.layers;

import java.util.List;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.initializers.Initializer;
import org.backprop.nn.ops.Ops;

/**
 * Multi-head scaled dot-product attention, as Keras 3's {@code MultiHeadAttention(num_heads, key_dim)}, called
 * on (query, value) or (query, value, key), key defaulting to value. Query {@code [batch, Tq, dq]}, value
 * {@code [batch, Tv, dv]}, key {@code [batch, Tv, dk]}; output {@code [batch, Tq, dq]}. Each head h projects
 * Q, K and V to {@code keyDim} values, and attends with softmax(Q·Kᵀ / sqrt(keyDim)) over the key steps.
 *
 * <p>Weights, in Keras's order and EinsumDense layouts (kernels Glorot uniform with Keras's fans, biases
 * zeros): query kernel {@code [dq, heads, keyDim]} and bias {@code [heads, keyDim]}, the same for key
 * ({@code [dk, …]}) and value ({@code [dv, …]}), output kernel {@code [heads, keyDim, dq]} and bias
 * {@code [dq]}.
 *
 * <p>Masks as Keras's: the {@link Masks masks} of query, value and key (from an {@code Embedding} with
 * {@code maskZero} before it in a model) and the explicit attention mask of {@link #callWithAttentionMask}
 * ({@code [batch, Tq, Tv]} or {@code [batch, 1, Tv]}, 1 where a query step may attend to a value step) combine into
 * one: masked scores get −1e9 before the softmax and a weight of 0 after it. The output carries the query's mask.
 * Keras's {@code use_causal_mask=True} is {@link #call(Tensor, Tensor, Tensor, boolean, boolean)}: query step i
 * attends to value steps 0..i only, as a language model's decoder needs. Not offered: dropout, {@code value_dim}, {@code output_shape}, {@code attention_axes} and
 * returning the attention scores.
 */
public final class MultiHeadAttention extends Layer {
    private final int numHeads;
    private final int keyDim;
    private int[] valueShape;
    private int[] keyShape;
    private Variable queryKernel;
    private Variable queryBias;
    private Variable keyKernel;
    private Variable keyBias;
    private Variable valueKernel;
    private Variable valueBias;
    private Variable outputKernel;
    private Variable outputBias;

    /** Returns the layer with {@code numHeads} heads of {@code keyDim} values each. */
    public MultiHeadAttention(int numHeads, int keyDim) {
        super("multi_head_attention");
        if (numHeads <= 0) {
            throw new IllegalArgumentException("num_heads must be positive, got " + numHeads);
        }
        if (keyDim <= 0) {
            throw new IllegalArgumentException("key_dim must be positive, got " + keyDim);
        }
        this.numHeads = numHeads;
        this.keyDim = keyDim;
    }

    @Override
    public String typeName() {
        return "MultiHeadAttention";
    }

    /** Returns true: the output, one step per query step, keeps the query's mask. */
    @Override
    public boolean supportsMasking() {
        return true;
    }

    @Override
    public LayerConfig getConfig() {
        return super.getConfig().put("num_heads", numHeads).put("key_dim", keyDim);
    }

    /**
     * Builds the layer for query, value and key shapes (each without batch: {@code [steps, features]}), as
     * Keras's {@code build(query_shape, value_shape, key_shape)}; later calls must agree with the first.
     */
    public void build(int[] queryShape, int[] valueShape, int[] keyShape) {
        List<int[]> shapes = List.of(Shapes.withBatch(-1, queryShape), Shapes.withBatch(-1, valueShape),
                Shapes.withBatch(-1, keyShape));
        for (int[] shape : shapes) {
            if (shape.length != 3) {
                throw new IllegalArgumentException(shapesMessage("needs query, value and key of shape (None, steps,"
                        + " features)", shapes));
            }
        }
        if (valueShape[0] != keyShape[0]) {
            throw new IllegalArgumentException(shapesMessage("needs value and key with the same number of steps",
                    shapes));
        }
        if (this.valueShape == null) {
            this.valueShape = valueShape.clone();
            this.keyShape = keyShape.clone();
        } else if (!Shapes.same(this.valueShape, valueShape) || !Shapes.same(this.keyShape, keyShape)
                || !Shapes.same(inputShape(), queryShape)) {
            throw new IllegalArgumentException(shapesMessage("was built for query, value and key of shapes "
                    + Shapes.describe(Shapes.withBatch(-1, inputShape())) + ", "
                    + Shapes.describe(Shapes.withBatch(-1, this.valueShape)) + ", "
                    + Shapes.describe(Shapes.withBatch(-1, this.keyShape)), shapes));
        }
        build(queryShape);
    }

    @Override
    protected void checkInputShape(int[] shape) {
        if (valueShape == null) {
            throw new IllegalArgumentException(oneInputMessage());
        }
    }

    @Override
    protected void createWeights(int[] queryShape) {
        int model = queryShape[1];
        queryKernel = kernel("query/kernel", model, numHeads, keyDim);
        queryBias = bias("query/bias", numHeads, keyDim);
        keyKernel = kernel("key/kernel", keyShape[1], numHeads, keyDim);
        keyBias = bias("key/bias", numHeads, keyDim);
        valueKernel = kernel("value/kernel", valueShape[1], numHeads, keyDim);
        valueBias = bias("value/bias", numHeads, keyDim);
        outputKernel = kernel("attention_output/kernel", numHeads, keyDim, model);
        outputBias = bias("attention_output/bias", model);
    }

    /** Adds an EinsumDense kernel; Keras's fans for rank 3 count the first axis as a receptive field. */
    private Variable kernel(String weightName, int... shape) {
        return addWeight(weightName, shape, Initializer.byName("glorot_uniform"), shape[0] * shape[1],
                shape[0] * shape[2], true);
    }

    private Variable bias(String weightName, int... shape) {
        return addWeight(weightName, shape, Initializer.byName("zeros"), 0, 0, true);
    }

    @Override
    public int[] computeOutputShape(int[] queryShape) {
        return queryShape.clone();
    }

    /**
     * Records this layer attending from {@code inputs[0]} (query) to {@code inputs[1]} (value), with
     * {@code inputs[2]} as key when given, and returns the symbolic output.
     */
    @Override
    public KerasTensor apply(KerasTensor... inputs) {
        if (inputs.length < 2 || inputs.length > 3) {
            throw new IllegalArgumentException(oneInputMessage() + "; got " + inputs.length + " inputs");
        }
        build(inputs[0].shape(), inputs[1].shape(), inputs[inputs.length - 1].shape());
        return KerasTensor.produced(inputs[0].shape(), this, List.of(inputs));
    }

    /** Returns the attention output for {@code query} and {@code value} (also the key) in inference mode. */
    public Tensor apply(Tensor query, Tensor value) {
        return callAll(List.of(query, value), false);
    }

    /** Returns the attention output for {@code query}, {@code value} and {@code key} in inference mode. */
    public Tensor apply(Tensor query, Tensor value, Tensor key) {
        return callAll(List.of(query, value, key), false);
    }

    /**
     * Returns the attention output for {@code query} and {@code value} (also the key), as Keras's
     * {@code attention(query, value, training=...)}: for a layer made of layers (see {@link Layer}).
     */
    public Tensor call(Tensor query, Tensor value, boolean training) {
        return callAll(List.of(query, value), training);
    }

    /**
     * Returns the attention output for {@code query} and {@code value} (also the key) where {@code attentionMask}
     * ({@code [batch, Tq, Tv]} or {@code [batch, 1, Tv]}) is 1, as Keras's {@code attention(query, value,
     * attention_mask=mask, training=...)}: the book's {@code TransformerEncoder} passes its input's mask this way,
     * {@code mask[:, None, :]} being {@code mask.reshape(batch, 1, steps)}. A null mask masks nothing, as
     * Keras's {@code None}.
     */
    public Tensor callWithAttentionMask(Tensor query, Tensor value, Tensor attentionMask, boolean training) {
        return run(List.of(query, value), null, attentionMask, false);
    }

    /**
     * Returns the attention output for {@code query} and {@code value} (also the key), as Keras 3's
     * {@code attention(query, value, attention_mask=mask, use_causal_mask=useCausalMask, training=...)}: with
     * {@code useCausalMask}, query step i attends only to value steps 0..i (Keras's lower-triangular mask, combined
     * with {@code attentionMask} when that is not null), so that a language model's step i never sees the tokens it
     * is trained to predict. The book's {@code TransformerDecoder} calls its self-attention this way.
     */
    public Tensor call(Tensor query, Tensor value, Tensor attentionMask, boolean useCausalMask, boolean training) {
        return run(List.of(query, value), null, attentionMask, useCausalMask);
    }

    /** Returns the attention output for (query, value) or (query, value, key), each with batch. */
    @Override
    public Tensor callAll(List<Tensor> inputs, boolean training) {
        return run(inputs, null, null, false);
    }

    /** Returns the attention output for (query, value) or (query, value, key) and their masks (see {@link Masks}). */
    @Override
    public Tensor callAll(List<Tensor> inputs, List<Tensor> masks, boolean training) {
        return run(inputs, masks, null, false);
    }

    private Tensor run(List<Tensor> inputs, List<Tensor> masks, Tensor attentionMask, boolean useCausalMask) {
        if (inputs.size() < 2 || inputs.size() > 3) {
            throw new IllegalArgumentException(oneInputMessage() + "; got " + inputs.size() + " inputs");
        }
        Tensor query = inputs.get(0);
        Tensor value = inputs.get(1);
        Tensor key = inputs.get(inputs.size() - 1);
        if (query.rank() != 3 || value.rank() != 3 || key.rank() != 3 || query.dim(0) != value.dim(0)
                || query.dim(0) != key.dim(0)) {
            throw new IllegalArgumentException(shapesMessage("needs query, value and key of shape (batch, steps,"
                    + " features) with one batch size", List.of(query.shape(), value.shape(), key.shape())));
        }
        build(Shapes.withoutBatch(query.shape()), Shapes.withoutBatch(value.shape()), Shapes.withoutBatch(key.shape()));
        int batch = query.dim(0);
        int tq = query.dim(1);
        int tk = key.dim(1);
        if (attentionMask != null && (attentionMask.rank() != 3 || attentionMask.dim(0) != batch
                || (attentionMask.dim(1) != tq && attentionMask.dim(1) != 1) || attentionMask.dim(2) != tk)) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" (MultiHeadAttention) needs an attention mask"
                    + " of shape " + Shapes.describe(new int[] {batch, tq, tk}) + " or "
                    + Shapes.describe(new int[] {batch, 1, tk}) + ", got " + Shapes.describe(attentionMask.shape()));
        }
        // Without a key, the value is the key, and its mask masks both.
        Tensor keyMask = inputs.size() == 3 ? maskOf(inputs, masks, 2) : null;
        Tensor explicit = useCausalMask ? Masks.causal(attentionMask, tq, tk) : attentionMask;
        return attend(query, value, key, Masks.attention(maskOf(inputs, masks, 0), maskOf(inputs, masks, 1), keyMask,
                explicit, batch, tq, tk));
    }

    /** Returns the checked mask of input {@code index}, or null when it has none. */
    private Tensor maskOf(List<Tensor> inputs, List<Tensor> masks, int index) {
        Tensor mask = masks == null ? null : masks.get(index);
        if (mask != null) {
            Masks.check(this, mask, inputs.get(index));
        }
        return mask;
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        throw new IllegalStateException(oneInputMessage());
    }

    /** Returns the attention output where {@code mask} {@code [batch, Tq, Tk]} is 1, or everywhere when it is null. */
    private Tensor attend(Tensor query, Tensor value, Tensor key, Tensor mask) {
        int batch = query.dim(0);
        int steps = query.dim(1);
        // Scaling the query before the product, as Keras does, scales every score by 1 / sqrt(keyDim).
        Tensor q = Ops.scale(heads(query, queryKernel, queryBias), (float) (1 / Math.sqrt(keyDim)));
        Tensor k = heads(key, keyKernel, keyBias);
        Tensor v = heads(value, valueKernel, valueBias);
        Tensor context = mask == null ? Ops.attention(q, k, v) : maskedAttention(q, k, v, mask, batch);
        Tensor merged = Ops.reshape(Ops.transpose(Ops.reshape(context, new int[] {batch, numHeads, steps, keyDim}),
                0, 2, 1, 3), new int[] {batch * steps, numHeads * keyDim});
        int model = outputBias.shape()[0];
        Tensor output = Ops.add(Ops.matmul(merged, Ops.reshape(outputKernel.value(),
                new int[] {numHeads * keyDim, model})), outputBias.value());
        return Ops.reshape(output, new int[] {batch, steps, model});
    }

    /**
     * Returns attention composed of products and Keras's masked softmax (the fused op takes no mask): q
     * {@code [batch·heads, tq, d]}, k and v {@code [batch·heads, tk, d]}, mask {@code [batch, tq, tk]}.
     */
    private Tensor maskedAttention(Tensor q, Tensor k, Tensor v, Tensor mask, int batch) {
        int tq = q.dim(1);
        int tk = k.dim(1);
        Tensor scores = Ops.reshape(Ops.batchMatmul(q, false, k, true), new int[] {batch, numHeads, tq, tk});
        Tensor weights = Masks.softmax(scores, Ops.reshape(mask, new int[] {batch, 1, tq, tk}));
        return Ops.batchMatmul(Ops.reshape(weights, new int[] {batch * numHeads, tq, tk}), false, v, false);
    }

    /** Returns x {@code [batch, steps, d]} projected by kernel {@code [d, heads, keyDim]}: {@code [batch·heads, steps, keyDim]}. */
    private Tensor heads(Tensor x, Variable kernel, Variable bias) {
        int batch = x.dim(0);
        int steps = x.dim(1);
        Tensor flat = Ops.reshape(x, new int[] {batch * steps, x.dim(2)});
        Tensor projected = Ops.add(Ops.matmul(flat, Ops.reshape(kernel.value(), new int[] {x.dim(2), numHeads * keyDim})),
                Ops.reshape(bias.value(), new int[] {numHeads * keyDim}));
        Tensor perHead = Ops.transpose(Ops.reshape(projected, new int[] {batch, steps, numHeads, keyDim}), 0, 2, 1, 3);
        return Ops.reshape(perHead, new int[] {batch * numHeads, steps, keyDim});
    }

    private String oneInputMessage() {
        return "Layer \"" + name() + "\" (MultiHeadAttention) attends from a query to a value: call it on (query,"
                + " value) or (query, value, key)";
    }

    /** Returns a message naming this layer, the problem, and the shapes (each with batch) it received. */
    private String shapesMessage(String problem, List<int[]> shapes) {
        StringBuilder text = new StringBuilder("Layer \"" + name() + "\" (MultiHeadAttention) " + problem + ", got ");
        String[] roles = {"query ", "value ", "key "};
        for (int i = 0; i < shapes.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(roles[i]).append(Shapes.describe(shapes.get(i)));
        }
        return text.toString();
    }
}
