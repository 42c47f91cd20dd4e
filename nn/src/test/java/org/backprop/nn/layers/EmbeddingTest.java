package org.backprop.nn.layers;

import static org.backprop.nn.GradientChecks.checkWeights;
import static org.backprop.nn.GradientChecks.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backprop.nn.Input;
import org.backprop.nn.Tensor;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.ops.Ops;
import org.backprop.nn.random.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Embedding and the book's PositionalEmbedding: look-ups, Keras's parameter counts, gradients, bad ids. */
class EmbeddingTest {
    /** Two sequences of four ids; id 3 appears three times, so its row gathers several gradients. */
    private static final Tensor IDS = Tensor.of(new float[][] {{3, 0, 3, 1}, {4, 3, 2, 0}});

    @BeforeEach
    void freshNamesAndSeed() {
        LayerNames.reset();
        RandomSeed.set(3);
    }

    @Test
    void looksUpOneRowPerId() {
        Embedding layer = new Embedding(3, 2);
        layer.build(2);
        layer.setWeights(Tensor.of(new float[][] {{1, 2}, {3, 4}, {5, 6}}));
        Tensor out = layer.apply(Tensor.of(new float[][] {{2, 0}}));
        assertArrayEquals(new int[] {1, 2, 2}, out.shape());
        assertArrayEquals(new float[] {5, 6, 1, 2}, out.toArray());
    }

    @Test
    void initialisesUniformlyWithinFiveHundredths() {
        Embedding layer = new Embedding(50, 8);
        layer.build(4);
        float[] values = layer.getWeights().get(0).toArray();
        float max = 0;
        for (float value : values) {
            max = Math.max(max, Math.abs(value));
        }
        assertTrue(max <= 0.05f && max > 0.04f, "embeddings should fill ±0.05, largest |value| " + max);
        assertEquals("embedding/embeddings", layer.weights().get(0).name());
    }

    @Test
    void countsParametersAsKerasDoes() {
        // Deep Learning with Python, chapter 11: Embedding(input_dim=20000, output_dim=256) has 20000 · 256.
        Sequential model = new Sequential(Input.shape(600), new Embedding(20000, 256));
        assertEquals(5_120_000, model.countParams());
        // PositionalEmbedding(600, 20000, 256): 20000 · 256 tokens + 600 · 256 positions.
        PositionalEmbedding positional = new PositionalEmbedding(600, 20000, 256);
        positional.build(600);
        assertEquals(5_273_600, positional.countParams());
    }

    @Test
    void gradientsReachEveryRowLookedUp() {
        Embedding layer = new Embedding(5, 3);
        layer.build(4);
        Tensor weights = random(1, -1, 1, 2, 4, 3);
        checkWeights("embedding", () -> Ops.sumAll(Ops.multiply(layer.apply(IDS), weights)), layer.weights());
    }

    @Test
    void addsALearnedEmbeddingOfEachPosition() {
        PositionalEmbedding layer = new PositionalEmbedding(6, 5, 2);
        layer.build(2);
        layer.setWeights(Tensor.of(new float[][] {{1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}}),
                Tensor.of(new float[][] {{10, 20}, {30, 40}, {0, 0}, {0, 0}, {0, 0}, {0, 0}}));
        Tensor out = layer.apply(Tensor.of(new float[][] {{4, 0}}));
        assertArrayEquals(new float[] {15, 25, 31, 41}, out.toArray());
        assertEquals("positional_embedding/token_embeddings", layer.weights().get(0).name());
        assertEquals("positional_embedding/position_embeddings", layer.weights().get(1).name());
    }

    @Test
    void positionalEmbeddingGradientsReachTokensAndPositions() {
        PositionalEmbedding layer = new PositionalEmbedding(5, 5, 3);
        layer.build(4);
        Tensor weights = random(2, -1, 1, 2, 4, 3);
        checkWeights("positional embedding", () -> Ops.sumAll(Ops.multiply(layer.apply(IDS), weights)),
                layer.weights());
    }

    @Test
    void namesTheLayerPositionAndValueOfABadId() {
        Embedding layer = new Embedding(4, 2);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> layer.apply(IDS));
        assertEquals("Layer \"embedding\" (Embedding) cannot look up its input: gather needs whole-number indices in"
                + " [0, 4), got 4.0 at position [1, 0]", error.getMessage());
        error = assertThrows(IllegalArgumentException.class,
                () -> layer.apply(Tensor.of(new float[][] {{0, 1, 2, 2.5f}})));
        assertEquals("Layer \"embedding\" (Embedding) cannot look up its input: gather needs whole-number indices in"
                + " [0, 4), got 2.5 at position [0, 3]", error.getMessage());
    }

    @Test
    void namesArgumentsAndShapesThatDoNotFit() {
        assertEquals("input_dim must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> new Embedding(0, 4)).getMessage());
        assertEquals("output_dim must be positive, got -1",
                assertThrows(IllegalArgumentException.class, () -> new Embedding(4, -1)).getMessage());
        assertEquals("sequence_length must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> new PositionalEmbedding(0, 4, 2)).getMessage());
        PositionalEmbedding layer = new PositionalEmbedding(3, 5, 2);
        assertEquals("Layer \"" + layer.name() + "\" (PositionalEmbedding) needs input of shape (None, steps) with"
                + " steps ≤ sequence_length 3, got (None, 4)",
                assertThrows(IllegalArgumentException.class, () -> layer.apply(IDS)).getMessage());
    }
}
