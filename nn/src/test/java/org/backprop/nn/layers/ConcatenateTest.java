package org.backprop.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keras's {@code Concatenate(axis)}: the last axis by default, or the one named, counted with the batch as 0. */
class ConcatenateTest {

    @BeforeEach
    void freshNames() {
        LayerNames.reset();
    }

    @Test
    void joinsTheAxisNamedAsKerasCountsIt() {
        Input a = Input.shape(2, 3, 4);
        Input b = Input.shape(2, 3, 5);
        assertArrayEquals(new int[] {2, 3, 9}, new Concatenate().apply(a, b).shape());
        assertArrayEquals(new int[] {2, 3, 9}, new Concatenate(3).apply(a, b).shape(), "InceptionV3's axis=3");
        Input c = Input.shape(2, 1, 4);
        KerasTensor rows = new Concatenate(2).apply(Input.shape(2, 3, 4), c);
        assertArrayEquals(new int[] {2, 4, 4}, rows.shape());
        Tensor x = Tensor.of(new int[] {1, 1, 2}, new float[] {1, 2});
        Tensor y = Tensor.of(new int[] {1, 2, 2}, new float[] {3, 4, 5, 6});
        Tensor joined = new Concatenate(-2).callAll(List.of(x, y), false);
        assertArrayEquals(new int[] {1, 3, 2}, joined.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, joined.toArray());
        assertEquals(-2.0, ((Number) new Concatenate(-2).getConfig().get("axis")).doubleValue());
    }

    @Test
    void refusesTheBatchAxisAndAxesTheInputsLack() {
        assertEquals("axis must not be 0, the batch axis: Concatenate joins the inputs of one batch; got 0",
                assertThrows(IllegalArgumentException.class, () -> new Concatenate(0)).getMessage());
        Concatenate layer = new Concatenate(4);
        assertEquals("Layer \"" + layer.name() + "\" (Concatenate) has axis 4, which inputs of rank 4 (with the"
                + " batch) do not have, got (None, 2, 3, 4), (None, 2, 3, 4)",
                assertThrows(IllegalArgumentException.class,
                        () -> layer.apply(Input.shape(2, 3, 4), Input.shape(2, 3, 4))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Concatenate(1).apply(Input.shape(2, 3),
                Input.shape(2, 4)));
    }
}
