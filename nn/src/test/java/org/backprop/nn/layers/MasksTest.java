package org.backprop.nn.layers;

import static org.backprop.nn.GradientChecks.check;
import static org.backprop.nn.GradientChecks.random;
import static org.backprop.nn.layers.RecurrentLayersTest.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Tensor;
import org.backprop.nn.models.Model;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.ops.Ops;
import org.backprop.nn.random.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Masks as Keras carries them: Embedding's mask of zero ids reaches the layers after it in Sequential and
 * functional models through layers that support masking and stops at those that do not; MultiHeadAttention and
 * GlobalAveragePooling1D leave the masked steps out.
 */
class MasksTest {
    /** Two padded sequences of ids: the first has 3 real steps, the second 5. */
    private static final Tensor IDS = Tensor.of(new float[][] {{4, 2, 7, 0, 0}, {1, 3, 3, 5, 6}});
    private static final Tensor MASK = Tensor.of(new float[][] {{1, 1, 1, 0, 0}, {1, 1, 1, 1, 1}});

    @BeforeEach
    void freshNamesAndSeed() {
        LayerNames.reset();
        RandomSeed.set(3);
    }

    @Test
    void embeddingMasksZeroIdsOnlyWhenAsked() {
        Embedding embedding = new Embedding(8, 4).maskZero(true);
        assertEquals(MASK, embedding.computeMask(IDS, null));
        assertNull(new Embedding(8, 4).computeMask(IDS, null));
        assertEquals(Boolean.TRUE, embedding.getConfig().get("mask_zero"));
    }

    @Test
    void sequentialCarriesTheMaskThroughDenseIntoTheLstm() {
        Sequential masked = new Sequential(new Embedding(8, 4).maskZero(true), new Dense(3, "relu"), new LSTM(2));
        Tensor y = masked.call(IDS, false);
        // The first sequence without its padding gives the same last state; the second is untouched.
        Sequential unpadded = new Sequential(new Embedding(8, 4), new Dense(3, "relu"), new LSTM(2));
        unpadded.build(3);
        copyWeights(masked, unpadded);
        assertClose(unpadded.call(Ops.slice(Ops.slice(IDS, 0, 0, 1), 1, 0, 3), false), Ops.slice(y, 0, 0, 1),
                "padded and unpadded");
        Sequential unmasked = new Sequential(new Embedding(8, 4), new Dense(3, "relu"), new LSTM(2));
        unmasked.build(5);
        copyWeights(masked, unmasked);
        Tensor withoutMask = unmasked.call(IDS, false);
        assertClose(Ops.slice(withoutMask, 0, 1, 1), Ops.slice(y, 0, 1, 1), "the full sequence");
        assertThrows(AssertionError.class, () -> assertClose(Ops.slice(withoutMask, 0, 0, 1), Ops.slice(y, 0, 0, 1),
                "without the mask the padding counts"));
    }

    @Test
    void aLayerWithoutMaskingEndsTheMask() {
        Embedding embedding = new Embedding(8, 4).maskZero(true);
        Conv1D conv = new Conv1D(4, 1);
        LSTM lstm = new LSTM(2);
        Tensor y = new Sequential(embedding, conv, lstm).call(IDS, false);
        Tensor ids = Ops.slice(IDS, 0, 0, 1);
        // Conv1D does not support masking, so the LSTM reads the padding too, as in Keras.
        assertClose(lstm.apply(conv.apply(embedding.apply(ids))), Ops.slice(y, 0, 0, 1), "mask ended");
        assertNull(conv.computeMask(embedding.apply(IDS), MASK));
    }

    @Test
    void functionalModelsCarryMasksIntoAttentionAndPooling() {
        Input input = Input.shape(5);
        Embedding embedding = new Embedding(8, 4).maskZero(true);
        MultiHeadAttention attention = new MultiHeadAttention(2, 3);
        GlobalAveragePooling1D pooling = new GlobalAveragePooling1D();
        KerasTensor embedded = embedding.apply(input);
        KerasTensor attended = attention.apply(embedded, embedded);
        Model model = new Model(input, pooling.apply(attended));
        Tensor y = model.call(IDS, false);

        Tensor embeddedIds = embedding.apply(IDS);
        Tensor expected = pooling.callWithMask(attention.callAll(List.of(embeddedIds, embeddedIds),
                Arrays.asList(MASK, MASK), false), MASK, false);
        assertClose(expected, y, "the model passes each layer its input's mask");
        // The first sequence's real steps alone give the same average.
        Tensor real = Ops.slice(Ops.slice(embeddedIds, 0, 0, 1), 1, 0, 3);
        MultiHeadAttention shorter = sameWeights(attention, real, real);
        assertClose(new GlobalAveragePooling1D().apply(shorter.apply(real, real)), Ops.slice(y, 0, 0, 1),
                "padding left out");
    }

    @Test
    void addAndConcatenateMergeTheirInputsMasks() {
        Tensor x = random(24, -1, 1, 2, 5, 3);
        Tensor other = Tensor.of(new float[][] {{1, 0, 1, 1, 1}, {1, 1, 1, 1, 0}});
        assertEquals(Tensor.of(new float[][] {{1, 0, 1, 0, 0}, {1, 1, 1, 1, 0}}),
                new Add().computeMask(List.of(x, x), List.of(MASK, other)));
        assertEquals(MASK, new Concatenate().computeMask(List.of(x, x), Arrays.asList(null, MASK)));
        assertNull(new Add().computeMask(List.of(x, x), Arrays.asList(null, null)));
        // In a model: the residual sum of an embedding and its projection keeps the embedding's mask.
        Input input = Input.shape(5);
        KerasTensor embedded = new Embedding(8, 4).maskZero(true).apply(input);
        KerasTensor summed = new Add().apply(embedded, new Dense(4).apply(embedded));
        GlobalAveragePooling1D pooling = new GlobalAveragePooling1D();
        Model model = new Model(input, pooling.apply(summed));
        Model sums = new Model(input, summed);
        assertClose(pooling.callWithMask(sums.call(IDS, false), MASK, false), model.call(IDS, false),
                "the mask passes the Add");
    }

    @Test
    void attentionMasksCombineQueryValueAndExplicitMasks() {
        MultiHeadAttention attention = new MultiHeadAttention(2, 3);
        Tensor query = random(20, -1, 1, 2, 4, 6);
        Tensor value = random(21, -1, 1, 2, 5, 6);
        Tensor valueMask = Tensor.of(new float[][] {{1, 1, 0, 1, 0}, {1, 1, 1, 1, 1}});
        Tensor byValueMask = attention.callAll(List.of(query, value), Arrays.asList(null, valueMask), false);
        // The book's TransformerEncoder passes mask[:, None, :] as attention_mask.
        Tensor explicit = attention.callWithAttentionMask(query, value, Ops.reshape(valueMask, new int[] {2, 1, 5}),
                false);
        assertClose(byValueMask, explicit, "a value mask is an attention mask over the value steps");
        Tensor kept = Ops.slice(Ops.concatenate(List.of(Ops.slice(value, 1, 0, 2), Ops.slice(value, 1, 3, 1)), 1),
                0, 0, 1);
        Tensor firstQuery = Ops.slice(query, 0, 0, 1);
        assertClose(sameWeights(attention, firstQuery, kept).apply(firstQuery, kept), Ops.slice(byValueMask, 0, 0, 1),
                "masked value steps are left out");
        // A masked query step attends to nothing: its output is the output projection's bias alone.
        Tensor queryMask = Tensor.of(new float[][] {{1, 0, 1, 1}, {1, 1, 1, 1}});
        Tensor y = attention.callAll(List.of(query, value), Arrays.asList(queryMask, null), false);
        Tensor bias = attention.getWeights().get(7);
        assertClose(Ops.reshape(bias, new int[] {1, 1, 6}), Ops.slice(Ops.slice(y, 0, 0, 1), 1, 1, 1),
                "masked query step");
        assertEquals(queryMask, attention.computeMask(query, queryMask));
        check("masked attention", in -> Ops.sumAll(Ops.multiply(attention.callAll(List.of(in[0], in[1]),
                Arrays.asList(queryMask, valueMask), false), random(22, -1, 1, 2, 4, 6))), query, value);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> attention.callWithAttentionMask(query, value, Tensor.zeros(2, 4, 4), false));
        assertEquals("Layer \"multi_head_attention\" (MultiHeadAttention) needs an attention mask of shape (2, 4, 5)"
                + " or (2, 1, 5), got (2, 4, 4)", error.getMessage());
    }

    private static void copyWeights(Model from, Model to) {
        for (int i = 0; i < from.weights().size(); i++) {
            to.weights().get(i).assign(from.weights().get(i).value());
        }
    }

    /** Returns a new attention layer with {@code attention}'s weights, built for other numbers of steps. */
    private static MultiHeadAttention sameWeights(MultiHeadAttention attention, Tensor query, Tensor value) {
        MultiHeadAttention copy = new MultiHeadAttention(2, 3);
        copy.apply(query, value);
        copy.setWeights(attention.getWeights().toArray(new Tensor[0]));
        return copy;
    }

    @Test
    void globalAveragePoolingAveragesTheRealStepsOnly() {
        Tensor x = Tensor.of(new float[][][] {{{1, 10}, {3, 30}, {100, 100}}, {{2, 4}, {4, 8}, {6, 12}}});
        Tensor mask = Tensor.of(new float[][] {{1, 1, 0}, {1, 1, 1}});
        GlobalAveragePooling1D pooling = new GlobalAveragePooling1D();
        assertEquals(Tensor.of(new float[][] {{2, 20}, {4, 8}}), pooling.callWithMask(x, mask, false));
        assertNull(pooling.computeMask(x, mask));
        check("masked average", in -> Ops.sumAll(Ops.multiply(pooling.callWithMask(in[0], mask, false),
                random(23, -1, 1, 2, 2))), x);
    }
    @Test
    void positionalEmbeddingMasksZeroIdsAsTheBooksDoes() {
        PositionalEmbedding embedding = new PositionalEmbedding(5, 8, 6);
        assertEquals(MASK, embedding.computeMask(IDS, null));
        // The mask reaches the attention and the pooling: the first sequence's real steps alone give the same.
        Input input = Input.shape(5);
        MultiHeadAttention attention = new MultiHeadAttention(2, 3);
        KerasTensor embedded = embedding.apply(input);
        Model model = new Model(input, new GlobalAveragePooling1D().apply(attention.apply(embedded, embedded)));
        Tensor y = model.call(IDS, false);
        Tensor real = Ops.slice(Ops.slice(embedding.apply(IDS), 0, 0, 1), 1, 0, 3);
        MultiHeadAttention shorter = sameWeights(attention, real, real);
        assertClose(new GlobalAveragePooling1D().apply(shorter.apply(real, real)), Ops.slice(y, 0, 0, 1),
                "padding left out");
        Tensor unmasked = new GlobalAveragePooling1D().apply(attention.apply(embedding.apply(IDS),
                embedding.apply(IDS)));
        assertThrows(AssertionError.class, () -> assertClose(Ops.slice(unmasked, 0, 0, 1), Ops.slice(y, 0, 0, 1),
                "without the mask the padding counts"));
    }
}
