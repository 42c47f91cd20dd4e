package org.backprop.nn.ops;

import static org.backprop.nn.GradientChecks.check;
import static org.backprop.nn.GradientChecks.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.backprop.nn.Tensor;
import org.backprop.nn.autograd.Gradients;
import org.backprop.nn.backend.Backends;
import org.junit.jupiter.api.Test;

/** The fused attention op: gradients against central differences, and the ops it stands for to the bit. */
class AttentionTest {

    private static Tensor weightedSum(Tensor y) {
        return Ops.sumAll(Ops.multiply(y, random(7, -1, 1, y.shape())));
    }

    private static Tensor composed(Tensor q, Tensor k, Tensor v) {
        return Ops.batchMatmul(Ops.softmax(Ops.batchMatmul(q, false, k, true)), false, v, false);
    }

    @Test
    void gradientsMatchCentralDifferencesForSelfAttention() {
        // Steps (4) differ from keyDim (3), so a transposition mixed up anywhere would fail.
        check("attention, self", in -> weightedSum(Ops.attention(in[0], in[1], in[2])),
                random(1, -1, 1, 2, 4, 3), random(2, -1, 1, 2, 4, 3), random(3, -1, 1, 2, 4, 3));
    }

    @Test
    void gradientsMatchCentralDifferencesForCrossAttention() {
        // Query length 3, key length 5, keyDim 2 and value width 4: every dimension different.
        check("attention, cross", in -> weightedSum(Ops.attention(in[0], in[1], in[2])),
                random(4, -2, 2, 2, 3, 2), random(5, -2, 2, 2, 5, 2), random(6, -1, 1, 2, 5, 4));
    }

    @Test
    void equalsTheOpsItStandsForToTheBit() {
        Tensor q = random(11, -3, 3, 3, 6, 4).asVariable();
        Tensor k = random(12, -3, 3, 3, 7, 4).asVariable();
        Tensor v = random(13, -1, 1, 3, 7, 5).asVariable();
        Tensor fused = Ops.attention(q, k, v);
        Tensor reference = composed(q, k, v);
        assertArrayEquals(reference.toArray(), fused.toArray());
        List<Tensor> fusedGradients = Gradients.of(weightedSum(fused), List.of(q, k, v));
        List<Tensor> referenceGradients = Gradients.of(weightedSum(reference), List.of(q, k, v));
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(referenceGradients.get(i).toArray(), fusedGradients.get(i).toArray(), "input " + i);
        }
    }

    @Test
    void logSumExpIsStableForLargeScores() {
        // Scores of about ±4000 overflow exp unless the row maximum is taken out first.
        Tensor q = Tensor.of(new int[] {1, 2, 1}, new float[] {100, -100});
        Tensor k = Tensor.of(new int[] {1, 3, 1}, new float[] {40, 39, -40});
        Tensor v = Tensor.of(new int[] {1, 3, 1}, new float[] {1, 2, 3});
        Tensor[] results = Backends.current().attention(q, k, v);
        // Both rows: 4000 + log(1 + e^-100 + e^-8000), which is 4000 in float.
        assertArrayEquals(new float[] {4000, 4000}, results[1].toArray());
        // Row 1 attends to key 0 (score 4000), row 2 to key 2 (score 4000).
        assertArrayEquals(new float[] {1, 3}, results[0].toArray(), 1e-6f);
    }

    @Test
    void namesShapesThatDoNotFit() {
        Tensor q = random(1, -1, 1, 2, 4, 3);
        IllegalArgumentException keyWidth = assertThrows(IllegalArgumentException.class,
                () -> Ops.attention(q, random(2, -1, 1, 2, 4, 5), random(3, -1, 1, 2, 4, 3)));
        assertEquals("attention needs q (batch, tq, d), k (batch, tk, d) and v (batch, tk, dv), got (2, 4, 3),"
                + " (2, 4, 5) and (2, 4, 3)", keyWidth.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Ops.attention(q, random(2, -1, 1, 2, 4, 3), random(3, -1, 1, 2, 6, 3)));
        assertThrows(IllegalArgumentException.class,
                () -> Ops.attention(q, random(2, -1, 1, 1, 4, 3), random(3, -1, 1, 1, 4, 3)));
        IllegalArgumentException noKeys = assertThrows(IllegalArgumentException.class,
                () -> Ops.attention(q, Tensor.zeros(2, 0, 3), Tensor.zeros(2, 0, 3)));
        assertEquals("attention needs at least one key step, got k (2, 0, 3)", noKeys.getMessage());
    }
}
