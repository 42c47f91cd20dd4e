package org.backprop.nn.layers;

import static org.backprop.nn.GradientChecks.check;
import static org.backprop.nn.GradientChecks.checkWeights;
import static org.backprop.nn.GradientChecks.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backprop.nn.Input;
import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.ops.Ops;
import org.backprop.nn.random.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MultiHeadAttentionTest {

    @BeforeEach
    void freshNamesAndSeed() {
        LayerNames.reset();
        RandomSeed.set(17);
    }

    @Test
    void attendsWithSoftmaxOverTheKeys() {
        MultiHeadAttention layer = new MultiHeadAttention(1, 1);
        layer.build(new int[] {1, 1}, new int[] {2, 1}, new int[] {2, 1});
        Tensor one = Tensor.filled(1, 1, 1, 1);
        layer.setWeights(one, Tensor.zeros(1, 1), one, Tensor.zeros(1, 1), one, Tensor.zeros(1, 1), one,
                Tensor.zeros(1));
        // Scores q·k = 0 and ln 3 give weights 1/4 and 3/4 of the values 0 and ln 3.
        float ln3 = (float) Math.log(3);
        Tensor out = layer.apply(Tensor.filled(1, 1, 1, 1), Tensor.of(new int[] {1, 2, 1}, new float[] {0, ln3}));
        assertEquals(0.75f * ln3, out.item(), 1e-6f);
    }

    @Test
    void usesKerasEinsumDenseLayouts() {
        MultiHeadAttention layer = new MultiHeadAttention(2, 3);
        layer.build(new int[] {4, 5}, new int[] {6, 7}, new int[] {6, 8});
        List<Variable> weights = layer.weights();
        int[][] shapes = {{5, 2, 3}, {2, 3}, {8, 2, 3}, {2, 3}, {7, 2, 3}, {2, 3}, {2, 3, 5}, {5}};
        String[] names = {"query/kernel", "query/bias", "key/kernel", "key/bias", "value/kernel", "value/bias",
            "attention_output/kernel", "attention_output/bias"};
        for (int i = 0; i < shapes.length; i++) {
            assertArrayEquals(shapes[i], weights.get(i).shape(), names[i]);
            assertEquals("multi_head_attention/" + names[i], weights.get(i).name());
        }
        // query 5·2·3 + 6, key 8·2·3 + 6, value 7·2·3 + 6, output 2·3·5 + 5.
        assertEquals(36 + 54 + 48 + 35, layer.countParams());
    }

    @Test
    void countsParametersAsKerasDoes() {
        // Each of query, key and value: d·h·k + h·k; output: h·k·d + d. With d = 64, h = 2, k = 32 that is
        // 3 · 4,160 + 4,160 = 16,640, as Keras reports.
        MultiHeadAttention layer = new MultiHeadAttention(2, 32);
        layer.build(new int[] {10, 64}, new int[] {10, 64}, new int[] {10, 64});
        assertEquals(16_640, layer.countParams());
        // Deep Learning with Python's TransformerEncoder (embed_dim 256, num_heads 2, key_dim 256): its 543,776
        // parameters less Dense(32), Dense(256) and two LayerNormalizations (8,224 + 8,448 + 1,024).
        MultiHeadAttention book = new MultiHeadAttention(2, 256);
        book.build(new int[] {600, 256}, new int[] {600, 256}, new int[] {600, 256});
        assertEquals(543_776 - 8_224 - 8_448 - 1_024, book.countParams());
    }

    @Test
    void gradientsReachQueryValueKeyAndEveryWeight() {
        MultiHeadAttention layer = new MultiHeadAttention(2, 2);
        layer.build(new int[] {3, 4}, new int[] {2, 3}, new int[] {2, 5});
        Tensor[] values = new Tensor[8];
        for (int i = 0; i < values.length; i++) {
            values[i] = random(20 + i, -1, 1, layer.weights().get(i).shape());
        }
        layer.setWeights(values);
        Tensor query = random(1, -1, 1, 2, 3, 4);
        Tensor value = random(2, -1, 1, 2, 2, 3);
        Tensor key = random(3, -1, 1, 2, 2, 5);
        Tensor weights = random(4, -1, 1, 2, 3, 4);
        check("attention inputs", in -> Ops.sumAll(Ops.multiply(layer.apply(in[0], in[1], in[2]), weights)),
                query, value, key);
        checkWeights("attention", () -> Ops.sumAll(Ops.multiply(layer.apply(query, value, key), weights)),
                layer.weights());
    }

    @Test
    void causalMaskLetsEachStepAttendOnlyToItselfAndEarlierSteps() {
        MultiHeadAttention layer = new MultiHeadAttention(2, 3);
        Tensor x = random(5, -1, 1, 2, 4, 6);
        float[] causal = layer.call(x, x, null, true, false).toArray();
        // Keras's mask is the lower triangle: the same as passing it explicitly.
        float[] lower = new float[2 * 4 * 4];
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j <= i; j++) {
                    lower[b * 16 + i * 4 + j] = 1;
                }
            }
        }
        assertArrayEquals(layer.callWithAttentionMask(x, x, Tensor.of(new int[] {2, 4, 4}, lower), false).toArray(),
                causal, 1e-6f);
        // Changing the last step's value changes no earlier step's output, and changes the last step's.
        float[] changed = x.toArray();
        for (int b = 0; b < 2; b++) {
            for (int f = 0; f < 6; f++) {
                changed[b * 24 + 18 + f] += 1f;
            }
        }
        float[] later = layer.call(x, Tensor.of(x.shape(), changed), null, true, false).toArray();
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < 24; i++) {
                int at = b * 24 + i;
                if (i < 18) {
                    assertEquals(causal[at], later[at], 1e-6f, "step " + i / 6 + " saw the last step");
                }
            }
            assertTrue(Math.abs(causal[b * 24 + 20] - later[b * 24 + 20]) > 1e-4f, "the last step attends to itself");
        }
        // Combined with an explicit mask that hides the first step: the first step has nothing left to attend to,
        // so its output is the output bias (zeros as built), while the causal mask alone let it see itself.
        Tensor noFirst = Tensor.of(new int[] {2, 1, 4}, new float[] {0, 1, 1, 1, 0, 1, 1, 1});
        float[] both = layer.call(x, x, noFirst, true, false).toArray();
        for (int f = 0; f < 6; f++) {
            assertEquals(0f, both[f], 1e-7f);
            assertEquals(0f, both[24 + f], 1e-7f);
        }
        assertTrue(Math.abs(causal[0]) > 1e-4f);
        Tensor weights = random(6, -1, 1, 2, 4, 6);
        check("causal attention", in -> Ops.sumAll(Ops.multiply(layer.call(in[0], in[0], null, true, true), weights)),
                x);
    }

    @Test
    void keyDefaultsToValue() {
        Tensor query = random(1, -1, 1, 2, 3, 4);
        Tensor value = random(2, -1, 1, 2, 5, 4);
        MultiHeadAttention layer = new MultiHeadAttention(2, 3);
        assertArrayEquals(layer.apply(query, value, value).toArray(), layer.apply(query, value).toArray());
    }

    @Test
    void namesTheLayerArgumentsAndShapes() {
        assertEquals("num_heads must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> new MultiHeadAttention(0, 4)).getMessage());
        assertEquals("key_dim must be positive, got -2",
                assertThrows(IllegalArgumentException.class, () -> new MultiHeadAttention(2, -2)).getMessage());
        MultiHeadAttention layer = new MultiHeadAttention(2, 4);
        String name = "Layer \"" + layer.name() + "\" (MultiHeadAttention) ";
        assertEquals(name + "attends from a query to a value: call it on (query, value) or (query, value, key)",
                assertThrows(IllegalArgumentException.class, () -> layer.apply(Tensor.zeros(2, 3, 4))).getMessage());
        assertEquals(name + "attends from a query to a value: call it on (query, value) or (query, value, key); got 1"
                + " inputs", assertThrows(IllegalArgumentException.class,
                        () -> layer.apply(Input.shape(3, 4))).getMessage());
        assertEquals(name + "needs value and key with the same number of steps, got query (None, 3, 4), value"
                + " (None, 5, 4), key (None, 6, 4)", assertThrows(IllegalArgumentException.class,
                        () -> layer.apply(Input.shape(3, 4), Input.shape(5, 4), Input.shape(6, 4))).getMessage());
        assertEquals(name + "needs query, value and key of shape (None, steps, features), got query (None, 4), value"
                + " (None, 5, 4), key (None, 5, 4)", assertThrows(IllegalArgumentException.class,
                        () -> layer.apply(Input.shape(4), Input.shape(5, 4))).getMessage());
        layer.apply(Input.shape(3, 4), Input.shape(5, 4));
        assertEquals(name + "was built for query, value and key of shapes (None, 3, 4), (None, 5, 4), (None, 5, 4),"
                + " got query (None, 3, 4), value (None, 5, 6), key (None, 5, 6)",
                assertThrows(IllegalArgumentException.class,
                        () -> layer.apply(Input.shape(3, 4), Input.shape(5, 6))).getMessage());
    }
}
