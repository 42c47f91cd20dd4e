package org.backprop.nn.layers;

import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.initializers.Initializers;
import org.backprop.nn.ops.Ops;

/**
 * The learned positional embedding of Deep Learning with Python (2nd ed., chapter 11): a token embedding
 * plus an embedding of each position, added. Inputs {@code [batch, steps]} hold token ids in
 * {@code [0, inputDim)} with {@code steps ≤ sequenceLength}; outputs are {@code [batch, steps, outputDim]}.
 * Weights, in order: {@code token_embeddings} {@code [inputDim, outputDim]} and {@code position_embeddings}
 * {@code [sequenceLength, outputDim]}, both initialised as Keras's Embedding. As the book's {@code compute_mask},
 * id 0 is padding: the output carries the {@link Masks mask} of the non-zero ids for the layers after it.
 */
public final class PositionalEmbedding extends Layer {
    private final int sequenceLength;
    private final int inputDim;
    private final int outputDim;
    private Variable tokenEmbeddings;
    private Variable positionEmbeddings;

    /** Returns the layer for sequences of up to {@code sequenceLength} ids below {@code inputDim}. */
    public PositionalEmbedding(int sequenceLength, int inputDim, int outputDim) {
        super("positional_embedding");
        if (sequenceLength <= 0) {
            throw new IllegalArgumentException("sequence_length must be positive, got " + sequenceLength);
        }
        if (inputDim <= 0) {
            throw new IllegalArgumentException("input_dim must be positive, got " + inputDim);
        }
        if (outputDim <= 0) {
            throw new IllegalArgumentException("output_dim must be positive, got " + outputDim);
        }
        this.sequenceLength = sequenceLength;
        this.inputDim = inputDim;
        this.outputDim = outputDim;
    }

    @Override
    public String typeName() {
        return "PositionalEmbedding";
    }

    @Override
    public LayerConfig getConfig() {
        return super.getConfig().put("sequence_length", sequenceLength).put("input_dim", inputDim)
                .put("output_dim", outputDim);
    }

    @Override
    protected void checkInputShape(int[] shape) {
        if (shape.length != 1 || shape[0] > sequenceLength) {
            throw new IllegalArgumentException("Layer \"" + name() + "\" (PositionalEmbedding) needs input of shape"
                    + " (None, steps) with steps ≤ sequence_length " + sequenceLength + ", got "
                    + Shapes.describe(Shapes.withBatch(-1, shape)));
        }
    }

    @Override
    protected void createWeights(int[] inputShape) {
        tokenEmbeddings = addWeight("token_embeddings", new int[] {inputDim, outputDim},
                Initializers.randomUniform(-0.05f, 0.05f), inputDim, outputDim, true);
        positionEmbeddings = addWeight("position_embeddings", new int[] {sequenceLength, outputDim},
                Initializers.randomUniform(-0.05f, 0.05f), sequenceLength, outputDim, true);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        return new int[] {inputShape[0], outputDim};
    }

    /** Returns the mask of {@code inputs}' non-zero ids, as the book's {@code compute_mask}; an input mask is not read. */
    @Override
    public Tensor computeMask(Tensor inputs, Tensor mask) {
        return Masks.notZero(inputs);
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        float[] positions = new float[inputs.dim(1)];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i;
        }
        Tensor tokens = Lookups.rows(this, tokenEmbeddings.value(), inputs);
        return Ops.add(tokens, Ops.gather(positionEmbeddings.value(), Tensor.of(positions)));
    }
}
