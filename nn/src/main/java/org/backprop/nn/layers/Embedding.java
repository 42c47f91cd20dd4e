package org.backprop.nn.layers;

import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.initializers.Initializers;
import org.backprop.nn.regularizers.Regularizer;
import org.backprop.nn.regularizers.Regularizers;

/**
 * Turns integer ids into dense vectors, as Keras's {@code Embedding(input_dim, output_dim)}: inputs
 * {@code [batch, …]} hold whole numbers in {@code [0, inputDim)} (as floats), outputs are
 * {@code [batch, …, outputDim]}, row {@code id} of the weight {@code embeddings} {@code [inputDim, outputDim]}
 * (initialised uniform in ±0.05, Keras's "uniform"). With {@link #maskZero}, id 0 is padding: the output
 * carries a {@link Masks mask} {@code [batch, steps]} that is 0 where the id is 0, for the layers after it.
 */
public final class Embedding extends Layer {
    private final int inputDim;
    private final int outputDim;
    private boolean maskZero;
    private Variable embeddings;

    /** Returns the layer for a vocabulary of {@code inputDim} ids, each mapped to {@code outputDim} values. */
    public Embedding(int inputDim, int outputDim) {
        super("embedding");
        if (inputDim <= 0) {
            throw new IllegalArgumentException("input_dim must be positive, got " + inputDim);
        }
        if (outputDim <= 0) {
            throw new IllegalArgumentException("output_dim must be positive, got " + outputDim);
        }
        this.inputDim = inputDim;
        this.outputDim = outputDim;
    }

    /**
     * Sets whether id 0 is padding that later layers skip, as Keras's {@code mask_zero}; the vocabulary then still
     * holds {@code inputDim} ids, 0 among them.
     */
    public Embedding maskZero(boolean value) {
        maskZero = value;
        return this;
    }

    /**
     * Sets the penalty on the embeddings that training adds to the loss, Keras's {@code embeddings_regularizer} (null:
     * none); before the layer is built.
     */
    public Embedding embeddingsRegularizer(Regularizer regularizer) {
        regularize("embeddings_regularizer", "embeddings", regularizer);
        return this;
    }

    /** Sets the penalty on the embeddings by Keras name, {@code "l1"}, {@code "l2"} or {@code "l1_l2"}, factor 0.01. */
    public Embedding embeddingsRegularizer(String name) {
        return embeddingsRegularizer(Regularizers.get(name));
    }

    @Override
    public String typeName() {
        return "Embedding";
    }

    @Override
    public LayerConfig getConfig() {
        return super.getConfig().put("input_dim", inputDim).put("output_dim", outputDim)
                .put("mask_zero", maskZero);
    }

    @Override
    protected void createWeights(int[] inputShape) {
        embeddings = addWeight("embeddings", new int[] {inputDim, outputDim},
                Initializers.randomUniform(-0.05f, 0.05f), inputDim, outputDim, true);
    }

    @Override
    public int[] computeOutputShape(int[] inputShape) {
        int[] output = java.util.Arrays.copyOf(inputShape, inputShape.length + 1);
        output[inputShape.length] = outputDim;
        return output;
    }

    /** Returns the mask of {@code inputs}' non-zero ids with {@link #maskZero}, else null. */
    @Override
    public Tensor computeMask(Tensor inputs, Tensor mask) {
        return maskZero ? Masks.notZero(inputs) : null;
    }

    @Override
    protected Tensor forward(Tensor inputs, boolean training) {
        return Lookups.rows(this, embeddings.value(), inputs);
    }
}
