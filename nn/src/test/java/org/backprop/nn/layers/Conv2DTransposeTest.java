package org.backprop.nn.layers;

import static org.backprop.nn.GradientChecks.check;
import static org.backprop.nn.GradientChecks.checkWeights;
import static org.backprop.nn.GradientChecks.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Conv2DTranspose (Deep Learning with Python, chapter 9's segmentation model): Keras's parameter counts and output
 * shapes, values stamped by hand, and gradients against central differences.
 */
class Conv2DTransposeTest {

    @BeforeEach
    void freshNames() {
        LayerNames.reset();
    }

    private static Tensor weightedSum(Tensor y) {
        return Ops.sumAll(Ops.multiply(y, random(9, -1, 1, y.shape())));
    }

    @Test
    void countsParametersAndShapesAsKeras() {
        // The book's decoder: Conv2DTranspose(256, 3, activation="relu", padding="same", strides=2) after 25x25x256.
        Conv2DTranspose up = new Conv2DTranspose(256, 3, "relu").padding("same").strides(2);
        up.build(25, 25, 256);
        assertEquals(590_080, up.countParams());
        assertArrayEquals(new int[] {3, 3, 256, 256}, up.weights().get(0).shape());
        assertArrayEquals(new int[] {50, 50, 256}, up.computeOutputShape(new int[] {25, 25, 256}));
        Conv2DTranspose narrow = new Conv2DTranspose(8, 3);
        narrow.build(5, 4, 2);
        // Kernel [kh, kw, filters, channels]: Keras's layout, the reverse of Conv2D's last two axes.
        assertArrayEquals(new int[] {3, 3, 8, 2}, narrow.weights().get(0).shape());
        assertEquals(3 * 3 * 8 * 2 + 8, narrow.countParams());
        // "valid": h·strides + max(k − strides, 0).
        assertArrayEquals(new int[] {7, 6, 8}, narrow.computeOutputShape(new int[] {5, 4, 2}));
        assertArrayEquals(new int[] {11, 9, 8}, new Conv2DTranspose(8, 3).strides(2)
                .computeOutputShape(new int[] {5, 4, 2}));
        assertArrayEquals(new int[] {15, 12, 8}, new Conv2DTranspose(8, 2).strides(3)
                .computeOutputShape(new int[] {5, 4, 2}));
        assertArrayEquals(new int[] {15, 12, 8}, new Conv2DTranspose(8, 2).strides(3).padding("same")
                .computeOutputShape(new int[] {5, 4, 2}));
    }

    @Test
    void stampsTheKernelAtEachInputPixel() {
        Conv2DTranspose up = new Conv2DTranspose(1, 2).strides(2).useBias(false);
        up.build(1, 2, 1);
        up.setWeights(Tensor.of(new int[] {2, 2, 1, 1}, new float[] {1, 10, 100, 1000}));
        Tensor y = up.apply(Tensor.of(new int[] {1, 1, 2, 1}, new float[] {1, 2}));
        assertEquals(Tensor.of(new int[] {1, 2, 4, 1}, new float[] {1, 10, 2, 20, 100, 1000, 200, 2000}), y);
    }

    @Test
    void addsOverlappingStampsAndTheBias() {
        Conv2DTranspose up = new Conv2DTranspose(2, 2);
        up.build(1, 2, 1);
        // Filter 0 stamps (1, 10) along the width, filter 1 stamps (-1, 0); biases 0.5 and 0.
        up.setWeights(Tensor.of(new int[] {2, 2, 2, 1}, new float[] {1, -1, 10, 0, 0, 0, 0, 0}),
                Tensor.of(new int[] {2}, new float[] {0.5f, 0}));
        Tensor y = up.apply(Tensor.of(new int[] {1, 1, 2, 1}, new float[] {1, 2}));
        assertArrayEquals(new int[] {1, 2, 3, 2}, y.shape());
        // Row 0: x0·(1, 10, ·) + x1·(·, 1, 10) = (1, 12, 20) + 0.5; filter 1: (-1, -2, 0). Row 1: the zero taps.
        assertEquals(Tensor.of(new int[] {1, 2, 3, 2}, new float[] {1.5f, -1, 12.5f, -2, 20.5f, 0, 0.5f, 0, 0.5f, 0,
                0.5f, 0}), y);
    }

    @Test
    void undoesAStridedSamePaddedConvolutionsShape() {
        Tensor images = random(3, -1, 1, 2, 7, 9, 3);
        Tensor down = new Conv2D(4, 3).strides(2).padding("same").apply(images);
        assertArrayEquals(new int[] {2, 4, 5, 4}, down.shape());
        Tensor up = new Conv2DTranspose(3, 3).strides(2).padding("same").apply(down);
        assertArrayEquals(new int[] {2, 8, 10, 3}, up.shape());
    }

    @Test
    void gradientsReachInputsAndWeights() {
        for (String padding : new String[] {"valid", "same"}) {
            for (int strides : new int[] {1, 2, 3}) {
                Tensor images = random(1, -1, 1, 2, 3, 4, 2);
                Conv2DTranspose up = new Conv2DTranspose(3, 3, "tanh").padding(padding).strides(strides);
                up.build(3, 4, 2);
                String what = "conv2d transpose " + padding + " strides " + strides;
                checkWeights(what, () -> weightedSum(up.apply(images)), up.weights());
                check(what + " inputs", in -> weightedSum(up.apply(in[0])), images);
            }
        }
        check("conv2dTranspose 2x3 strides 2x1", in -> weightedSum(Ops.conv2dTranspose(in[0], in[1], 2, 1, "same")),
                random(4, -1, 1, 1, 3, 2, 2), random(5, -1, 1, 2, 3, 3, 2));
    }

    @Test
    void namesWhatIsWrong() {
        Conv2DTranspose up = new Conv2DTranspose(8, 3);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> up.build(10, 3));
        assertEquals("Layer \"conv2d_transpose\" (Conv2DTranspose) expects images of shape (None, height, width,"
                + " channels), but received input with shape (None, 10, 3)", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Conv2DTranspose(0, 3));
        assertThrows(IllegalArgumentException.class, () -> new Conv2DTranspose(4, 3).padding("full"));
        IllegalArgumentException kernel = assertThrows(IllegalArgumentException.class,
                () -> Ops.conv2dTranspose(random(1, 0, 1, 1, 2, 2, 3), random(2, 0, 1, 2, 2, 3, 4), 1, 1, "valid"));
        assertEquals("conv2dTranspose needs x (n, h, w, c) and kernel (kh, kw, filters, c), got (1, 2, 2, 3) and"
                + " (2, 2, 3, 4)", kernel.getMessage());
    }
}
