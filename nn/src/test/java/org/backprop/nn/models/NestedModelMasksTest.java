package org.backprop.nn.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Embedding;
import org.backprop.nn.layers.GlobalAveragePooling1D;
import org.backprop.nn.layers.LSTM;
import org.backprop.nn.layers.LayerNames;
import org.backprop.nn.ops.Ops;
import org.backprop.nn.random.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Masks through a model called as a layer, as Keras carries them: the outer model's mask reaches the inner model's
 * layers, and the mask of the inner model's output reaches the layers after it, so that nesting changes nothing.
 */
class NestedModelMasksTest {
    /** Two padded sequences of ids: the first has 3 real steps, the second 5. */
    private static final Tensor IDS = Tensor.of(new float[][] {{4, 2, 7, 0, 0}, {1, 3, 3, 5, 6}});
    private static final Tensor MASK = Tensor.of(new float[][] {{1, 1, 1, 0, 0}, {1, 1, 1, 1, 1}});

    @BeforeEach
    void freshNamesAndSeed() {
        LayerNames.reset();
        RandomSeed.set(11);
    }

    @Test
    void aMaskedSequenceThroughAnInnerFunctionalModelEqualsTheSameLayersInline() {
        Embedding embedding = new Embedding(8, 4).maskZero(true);
        Dense dense = new Dense(3, "relu");
        LSTM lstm = new LSTM(2);
        Input innerInput = Input.shape(5, 4);
        Model inner = new Model(innerInput, lstm.apply(dense.apply(innerInput)));
        Input outerInput = Input.shape(5);
        Model nested = new Model(outerInput, inner.apply(embedding.apply(outerInput)));
        Input inlineInput = Input.shape(5);
        Model inline = new Model(inlineInput, lstm.apply(dense.apply(embedding.apply(inlineInput))));

        Tensor expected = inline.call(IDS, false);
        assertClose(expected, nested.call(IDS, false), "nested and inline");
        // Without the mask the first sequence's padding would count: the test can tell.
        Tensor unmasked = inner.call(embedding.apply(IDS), false);
        assertThrows(AssertionError.class, () -> assertClose(Ops.slice(expected, 0, 0, 1),
                Ops.slice(unmasked, 0, 0, 1), "padding read"));
    }

    @Test
    void aMaskedSequenceThroughAnInnerSequentialEqualsTheSameLayersInline() {
        Embedding embedding = new Embedding(8, 4).maskZero(true);
        Dense dense = new Dense(3, "relu");
        LSTM lstm = new LSTM(2);
        Sequential nested = new Sequential(embedding, new Sequential(dense, lstm).asLayer());
        Tensor y = nested.call(IDS, false);
        Sequential inline = new Sequential(embedding, dense, lstm);
        assertClose(inline.call(IDS, false), y, "nested and inline");
    }

    @Test
    void theMaskAnInnerModelMakesReachesTheLayersAfterIt() {
        Input ids = Input.shape(5);
        Model embedder = new Model(ids, new Dense(4).apply(new Embedding(8, 4).maskZero(true).apply(ids)));
        assertEquals(MASK, embedder.asLayer().computeMask(IDS, null), "the inner model's output mask");
        GlobalAveragePooling1D pooling = new GlobalAveragePooling1D();
        Input outerInput = Input.shape(5);
        KerasTensor embedded = embedder.apply(outerInput);
        Model model = new Model(outerInput, pooling.apply(embedded));
        assertClose(pooling.callWithMask(embedder.call(IDS, false), MASK, false), model.call(IDS, false),
                "the pooling averages the real steps only");
        // A model whose output carries no mask ends it.
        Input plain = Input.shape(5, 4);
        assertNull(new Model(plain, new Dense(2).apply(plain)).asLayer().computeMask(embedder.call(IDS, false),
                null));
    }

    @Test
    void aFunctionalSubclassRunsItsOwnCallWhenNestedAndEndsTheMask() {
        Input ids = Input.shape(5);
        Model doubled = new Model(ids, new Embedding(8, 4).maskZero(true).apply(ids)) {
            @Override
            public Tensor call(Tensor inputs, boolean training) {
                return super.call(inputs, training).mul(2f);
            }
        };
        Input outerInput = Input.shape(5);
        Model outer = new Model(outerInput, doubled.apply(outerInput));
        assertClose(doubled.call(IDS, false), outer.call(IDS, false), "the override runs");
        assertNull(doubled.asLayer().computeMask(IDS, null), "a subclass's call carries no mask out");
    }

    private static void assertClose(Tensor expected, Tensor actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        for (int i = 0; i < expected.size(); i++) {
            int index = i;
            assertEquals(expected.get(i), actual.get(i), 1e-5, () -> what + ": value " + index + " expected "
                    + expected + ", got " + actual);
        }
    }
}
