package org.backprop.nn.regularizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.autograd.Gradients;
import org.junit.jupiter.api.Test;

/** Each regularizer's penalty and gradient against a hand computation, its names, its config and its errors. */
class RegularizersTest {
    /** Σ|x| = 1 + 2 + 3 + 0.5 = 6.5 and Σx² = 1 + 4 + 9 + 0.25 = 14.25. */
    private static final float[] X = {1f, -2f, 3f, 0.5f};

    private static Tensor x() {
        return Tensor.of(new int[] {2, 2}, X.clone());
    }

    /** Returns d(penalty)/dx at {@link #X}, x a trainable weight as a regularizer sees it. */
    private static float[] gradient(Regularizer regularizer) {
        Variable weight = new Variable("x", x(), true);
        return Gradients.ofWeights(regularizer.call(weight.value()), List.of(weight)).get(0).toArray();
    }

    @Test
    void l2IsTheFactorTimesTheSumOfSquaresAndItsGradientTwiceTheFactorTimesX() {
        Tensor x = x();
        Tensor penalty = Regularizers.l2(0.002).call(x);
        assertEquals(0, penalty.rank(), "a scalar");
        assertEquals(0.002f * 14.25f, penalty.item(), 1e-7f);
        assertArrayEquals(new float[] {0.004f, -0.008f, 0.012f, 0.002f}, gradient(Regularizers.l2(0.002)), 1e-7f);
    }

    @Test
    void l1IsTheFactorTimesTheSumOfMagnitudesAndItsGradientTheFactorTimesTheSign() {
        Tensor x = x();
        assertEquals(0.001f * 6.5f, Regularizers.l1(0.001).call(x).item(), 1e-7f);
        assertArrayEquals(new float[] {0.001f, -0.001f, 0.001f, 0.001f}, gradient(Regularizers.l1(0.001)), 1e-7f);
    }

    @Test
    void l1L2AddsBothPenaltiesAndBothGradients() {
        Tensor x = x();
        Regularizer both = Regularizers.l1L2(0.001, 0.002);
        assertEquals(0.001f * 6.5f + 0.002f * 14.25f, both.call(x).item(), 1e-7f);
        assertArrayEquals(new float[] {0.005f, -0.009f, 0.013f, 0.003f}, gradient(both), 1e-7f);
        assertEquals(0f, Regularizers.l1L2(0, 0).call(x).item(), "zero factors add nothing");
    }

    @Test
    void defaultsAndNamesAreKeras() {
        assertEquals(0.01f, Regularizers.l1().l1());
        assertEquals(0.01f, Regularizers.l2().l2());
        assertEquals(Regularizers.l1(), Regularizers.get("l1"));
        assertEquals(Regularizers.l2(), Regularizers.get("l2"));
        assertEquals(Regularizers.l2(), Regularizers.get("L2"));
        assertEquals(Regularizers.l1L2(0.01, 0.01), Regularizers.get("l1_l2"));
        assertNull(Regularizers.get(null));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Regularizers.get("l3"));
        assertTrue(unknown.getMessage().contains("\"l1\", \"l2\" or \"l1_l2\""), unknown.getMessage());
    }

    @Test
    void serializesAsKerasDoesAndReadsKerasFilesBack() {
        Map<String, Object> serialized = Regularizers.serialize(Regularizers.l2(0.002));
        assertEquals("keras.regularizers", serialized.get("module"));
        assertEquals("L2", serialized.get("class_name"));
        assertEquals(Map.of("l2", 0.002), serialized.get("config"), "the factor as written, not as a float's digits");
        assertEquals(Regularizers.l2(0.002), Regularizers.deserialize(serialized));
        assertEquals(Regularizers.l1L2(0.001, 0.002),
                Regularizers.deserialize(Regularizers.serialize(Regularizers.l1L2(0.001, 0.002))));
        // What Keras 3 writes for l2(0.002): the float32's digits, and a registered_name of None.
        Map<String, Object> keras = new HashMap<>();
        keras.put("module", "keras.regularizers");
        keras.put("class_name", "L2");
        keras.put("config", Map.of("l2", 0.0020000000949949026));
        keras.put("registered_name", null);
        assertEquals(Regularizers.l2(0.002), Regularizers.deserialize(keras));
        assertEquals(Regularizers.l1(), Regularizers.deserialize("l1"));
        assertNull(Regularizers.deserialize(null));
        assertNull(Regularizers.serialize(null));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Regularizers.deserialize(Map.of("class_name", "OrthogonalRegularizer", "config", Map.of())));
        assertTrue(unknown.getMessage().contains("OrthogonalRegularizer"), unknown.getMessage());
    }

    @Test
    void negativeInfiniteAndNaNFactorsAreRefusedByName() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> Regularizers.l2(-0.1));
        assertEquals("Invalid value for argument l2: expected a non-negative finite number, got l2=-0.1",
                negative.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> Regularizers.l1(Double.NaN));
        assertTrue(nan.getMessage().contains("l1=NaN"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Regularizers.l1L2(0.1, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class,
                () -> Regularizers.deserialize(Map.of("class_name", "L1", "config", Map.of("l1", -1.0))));
    }
}
