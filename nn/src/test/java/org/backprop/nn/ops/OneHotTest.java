package org.backprop.nn.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.junit.jupiter.api.Test;

/** Ops.oneHot against tf.one_hot's documented outputs: a last axis of depth, zero rows outside it, no gradient. */
class OneHotTest {
    @Test
    void encodesEachIndexAlongANewLastAxis() {
        assertEquals(Tensor.of(new float[][] {{1, 0, 0}, {0, 0, 1}, {0, 1, 0}}),
                Ops.oneHot(Tensor.of(new float[] {0, 2, 1}), 3));
        // A batch of sequences, as the book's tf.one_hot(inputs, depth=max_tokens) on [batch, steps].
        Tensor sequences = Ops.oneHot(Tensor.of(new float[][] {{1, 3}, {0, 0}}), 4);
        assertArrayEquals(new int[] {2, 2, 4}, sequences.shape());
        assertEquals(Tensor.of(new float[][][] {{{0, 1, 0, 0}, {0, 0, 0, 1}}, {{1, 0, 0, 0}, {1, 0, 0, 0}}}),
                sequences);
    }

    @Test
    void givesZerosOutsideTheDepthAndNoGradient() {
        // tf.one_hot([-1, 3], depth=3) is two rows of zeros.
        assertEquals(Tensor.of(new float[][] {{0, 0, 0}, {0, 0, 0}}), Ops.oneHot(Tensor.of(new float[] {-1, 3}), 3));
        Tensor indices = new Variable("indices", Tensor.of(new float[] {1}), true).value();
        assertTrue(indices.requiresGrad());
        assertFalse(Ops.oneHot(indices, 2).requiresGrad());
    }

    @Test
    void namesWhatIsWrong() {
        IllegalArgumentException depth = assertThrows(IllegalArgumentException.class,
                () -> Ops.oneHot(Tensor.of(new float[] {0}), 0));
        assertEquals("oneHot needs a positive depth, got 0", depth.getMessage());
        IllegalArgumentException fraction = assertThrows(IllegalArgumentException.class,
                () -> Ops.oneHot(Tensor.of(new float[][] {{0, 1.5f}}), 3));
        assertEquals("oneHot needs whole-number indices, got 1.5 at position [0, 1]", fraction.getMessage());
    }
}
