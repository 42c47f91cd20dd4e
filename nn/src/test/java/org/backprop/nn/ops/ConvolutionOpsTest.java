package org.backprop.nn.ops;

import static org.backprop.nn.GradientChecks.check;
import static org.backprop.nn.GradientChecks.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.backprop.nn.Tensor;
import org.backprop.nn.internal.BackendInternals;
import org.junit.jupiter.api.Test;

/** Convolution and pooling: values worked by hand, TensorFlow's padding rules, and gradient checks. */
class ConvolutionOpsTest {
    private static final Tensor ONE_TO_NINE = Tensor.of(new int[] {1, 3, 3, 1}, new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9});

    private static Tensor weightedSum(Tensor y) {
        return Ops.sumAll(Ops.multiply(y, random(7, -1, 1, y.shape())));
    }

    @Test
    void convolvesWithValidPadding() {
        Tensor diagonal = Tensor.of(new int[] {2, 2, 1, 1}, new float[] {1, 0, 0, 1});
        Tensor y = Ops.conv2d(ONE_TO_NINE, diagonal, 1, 1, "valid");
        assertArrayEquals(new int[] {1, 2, 2, 1}, y.shape());
        assertArrayEquals(new float[] {6, 8, 12, 14}, y.toArray());
    }

    @Test
    void padsSameLikeTensorFlowWithStrides() {
        // Output ceil(3 / 2) = 2; total padding (2 − 1)·2 + 3 − 3 = 2, one on each side.
        Tensor ones = Tensor.filled(1f, 3, 3, 1, 1);
        Tensor y = Ops.conv2d(ONE_TO_NINE, ones, 2, 2, "same");
        assertArrayEquals(new float[] {12, 16, 24, 28}, y.toArray());
        // An even window pads less before than after: 4x4 input, 2x2 window, stride 1 → pad 0 before, 1 after.
        Tensor y2 = Ops.conv2d(Tensor.filled(1f, 1, 4, 4, 1), Tensor.filled(1f, 2, 2, 1, 1), 1, 1, "same");
        assertArrayEquals(new float[] {4, 4, 4, 2, 4, 4, 4, 2, 4, 4, 4, 2, 2, 2, 2, 1}, y2.toArray());
    }

    @Test
    void convolvesEachChannelSeparatelyInDepthwise() {
        Tensor x = Tensor.of(new int[] {1, 1, 1, 2}, new float[] {3, 5});
        Tensor kernel = Tensor.of(new int[] {1, 1, 2, 2}, new float[] {1, 10, 2, 20});
        // Channel 0 → (3·1, 3·10), channel 1 → (5·2, 5·20), channel-major as Keras.
        assertArrayEquals(new float[] {3, 30, 10, 100}, Ops.depthwiseConv2d(x, kernel, 1, 1, "valid").toArray());
    }

    @Test
    void poolsMaxAndAverage() {
        Tensor x = Tensor.of(new int[] {1, 4, 4, 1}, new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
        assertArrayEquals(new float[] {6, 8, 14, 16}, Ops.maxPool2d(x, 2, 2, 2, 2, "valid").toArray());
        assertArrayEquals(new float[] {3.5f, 5.5f, 11.5f, 13.5f}, Ops.averagePool2d(x, 2, 2, 2, 2, "valid").toArray());
        // "same" averages only the positions inside the input: the corner window holds 1, 2, 4, 5.
        assertEquals(3f, Ops.averagePool2d(ONE_TO_NINE, 3, 3, 1, 1, "same").get(0));
    }

    @Test
    void convolutionGradients() {
        Tensor x = random(1, -1, 1, 2, 5, 5, 3);
        check("conv2d valid", in -> weightedSum(Ops.conv2d(in[0], in[1], 1, 1, "valid")), x, random(2, -1, 1, 3, 3, 3, 4));
        check("conv2d same stride 2", in -> weightedSum(Ops.conv2d(in[0], in[1], 2, 2, "same")), x,
                random(3, -1, 1, 3, 3, 3, 2));
        check("depthwise same", in -> weightedSum(Ops.depthwiseConv2d(in[0], in[1], 1, 1, "same")), x,
                random(4, -1, 1, 3, 3, 3, 2));
        check("depthwise valid stride 2", in -> weightedSum(Ops.depthwiseConv2d(in[0], in[1], 2, 2, "valid")), x,
                random(5, -1, 1, 2, 2, 3, 1));
    }

    @Test
    void poolingGradients() {
        // Distinct values keep each window's maximum unique, so the max is differentiable.
        float[] distinct = new float[2 * 4 * 4 * 2];
        for (int i = 0; i < distinct.length; i++) {
            distinct[i] = ((i * 37) % distinct.length) * 0.1f;
        }
        Tensor x = Tensor.of(new int[] {2, 4, 4, 2}, distinct);
        check("max pool", in -> weightedSum(Ops.maxPool2d(in[0], 2, 2, 2, 2, "valid")), x);
        check("max pool same stride 1", in -> weightedSum(Ops.maxPool2d(in[0], 3, 3, 1, 1, "same")), x);
        check("average pool same", in -> weightedSum(Ops.averagePool2d(in[0], 3, 3, 2, 2, "same")), x);
    }

    @Test
    void theMultiThreadedBackendGivesBitForBitTheSameResults() {
        Tensor x = random(11, -1, 1, 6, 9, 9, 4).asVariable();
        Tensor kernel = random(12, -1, 1, 3, 3, 4, 8).asVariable();
        Tensor a = random(13, -1, 1, 300, 200);
        Tensor b = random(14, -1, 1, 200, 100);
        java.util.List<Tensor> sequential = convolutionAndProduct(x, kernel, a, b);
        org.backprop.nn.backend.Backend previous = org.backprop.nn.backend.Backends.current();
        try {
            BackendInternals.use(org.backprop.nn.backend.cpu.CpuBackend.multiThreaded());
            assertEquals(sequential, convolutionAndProduct(x, kernel, a, b));
        } finally {
            BackendInternals.use(previous);
        }
    }

    private static java.util.List<Tensor> convolutionAndProduct(Tensor x, Tensor kernel, Tensor a, Tensor b) {
        Tensor loss = weightedSum(Ops.conv2d(x, kernel, 2, 2, "same"));
        java.util.List<Tensor> results = new java.util.ArrayList<>(
                org.backprop.nn.autograd.Gradients.of(loss, java.util.List.of(x, kernel)));
        results.add(Ops.matmul(a, b));
        return results;
    }

    @Test
    void explainsShapesThatDoNotFit() {
        assertEquals("conv2d needs x (n, h, w, c) and kernel (kh, kw, c, filters), got (1, 3, 3, 1) and (3, 3, 2, 4)",
                assertThrows(IllegalArgumentException.class,
                        () -> Ops.conv2d(ONE_TO_NINE, Tensor.zeros(3, 3, 2, 4), 1, 1, "valid")).getMessage());
        assertEquals("a 5x5 window with \"valid\" padding does not fit inputs of 3x3",
                assertThrows(IllegalArgumentException.class,
                        () -> Ops.maxPool2d(ONE_TO_NINE, 5, 5, 1, 1, "valid")).getMessage());
        assertEquals("padding must be \"valid\" or \"same\", got \"full\"", assertThrows(IllegalArgumentException.class,
                () -> Ops.maxPool2d(ONE_TO_NINE, 2, 2, 1, 1, "full")).getMessage());
    }
}
