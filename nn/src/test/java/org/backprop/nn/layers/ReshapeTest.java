package org.backprop.nn.layers;

import static org.backprop.nn.GradientChecks.check;
import static org.backprop.nn.GradientChecks.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReshapeTest {

    @BeforeEach
    void freshNames() {
        LayerNames.reset();
    }

    @Test
    void reshapesEachExampleAndInfersOneDimension() {
        Tensor x = random(1, -1, 1, 2, 3, 4);
        Reshape layer = new Reshape(4, -1);
        Tensor out = layer.apply(x);
        assertArrayEquals(new int[] {2, 4, 3}, out.shape());
        assertArrayEquals(x.toArray(), out.toArray());
        assertArrayEquals(new int[] {4, 3}, layer.computeOutputShape(new int[] {3, 4}));
        assertEquals(0, layer.countParams());
        Tensor weights = random(2, -1, 1, 2, 12);
        check("reshape", in -> Ops.sumAll(Ops.multiply(new Reshape(12).apply(in[0]), weights)), x);
    }

    @Test
    void namesTheLayerAndShapesThatDoNotFit() {
        Reshape layer = new Reshape(5, -1);
        assertEquals("Layer \"reshape\" (Reshape) cannot reshape input of shape (None, 3, 4) (12 values per example)"
                + " to target_shape [5, -1]",
                assertThrows(IllegalArgumentException.class, () -> layer.apply(Tensor.zeros(2, 3, 4))).getMessage());
        assertEquals("target_shape must have positive dimensions and at most one -1, got [-1, 2, -1]",
                assertThrows(IllegalArgumentException.class, () -> new Reshape(-1, 2, -1)).getMessage());
        assertEquals("target_shape must have positive dimensions and at most one -1, got [0, 2]",
                assertThrows(IllegalArgumentException.class, () -> new Reshape(0, 2)).getMessage());
    }
}
