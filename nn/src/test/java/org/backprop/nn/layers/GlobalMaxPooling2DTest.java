package org.backprop.nn.layers;

import static org.backprop.nn.GradientChecks.check;
import static org.backprop.nn.GradientChecks.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;
import org.junit.jupiter.api.Test;

/** GlobalMaxPooling2D against Keras's: each channel's maximum over height and width, gradient to the maximum. */
class GlobalMaxPooling2DTest {

    @Test
    void takesEachChannelsMaximumOverTheImage() {
        // keras.layers.GlobalMaxPooling2D()(x) for x of shape (1, 2, 2, 2)
        Tensor x = Tensor.of(new int[] {1, 2, 2, 2}, new float[] {1, -5, 7, -2, 3, -9, -1, -3});
        assertEquals(Tensor.of(new float[][] {{7, -2}}), new GlobalMaxPooling2D().apply(x));
        assertArrayEquals(new int[] {3}, new GlobalMaxPooling2D().computeOutputShape(new int[] {5, 4, 3}));
    }

    @Test
    void gradientsReachTheMaxima() {
        Tensor images = random(4, -1, 1, 2, 3, 4, 2);
        check("global max pooling 2d", in -> Ops.sumAll(new GlobalMaxPooling2D().apply(in[0])
                .mul(Tensor.of(new float[][] {{1, -2}, {3, 0.5f}}))), images);
    }
}
