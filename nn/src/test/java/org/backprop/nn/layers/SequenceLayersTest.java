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
 * Conv1D, MaxPooling1D, GlobalMax/AveragePooling1D (Deep Learning with Python, chapter 11) and UpSampling2D
 * (chapter 9): Keras's parameter counts and shapes, values computed by hand, and gradients against central
 * differences.
 */
class SequenceLayersTest {

    @BeforeEach
    void freshNames() {
        LayerNames.reset();
    }

    private static Tensor weightedSum(Tensor y) {
        return Ops.sumAll(Ops.multiply(y, random(9, -1, 1, y.shape())));
    }

    @Test
    void countsParametersAndShapesAsKeras() {
        Conv1D conv = new Conv1D(32, 7, "relu");
        conv.build(100, 16);
        // Keras: kernel (7, 16, 32) and bias (32,).
        assertEquals(7 * 16 * 32 + 32, conv.countParams());
        assertArrayEquals(new int[] {7, 16, 32}, conv.weights().get(0).shape());
        assertArrayEquals(new int[] {94, 32}, conv.computeOutputShape(new int[] {100, 16}));
        assertArrayEquals(new int[] {50, 32}, new Conv1D(32, 7).strides(2).padding("same")
                .computeOutputShape(new int[] {100, 16}));
        assertArrayEquals(new int[] {47, 32}, new MaxPooling1D().computeOutputShape(new int[] {94, 32}));
        assertArrayEquals(new int[] {16}, new GlobalMaxPooling1D().computeOutputShape(new int[] {100, 16}));
        assertArrayEquals(new int[] {16}, new GlobalAveragePooling1D().computeOutputShape(new int[] {100, 16}));
        assertArrayEquals(new int[] {32, 32, 3}, new UpSampling2D().computeOutputShape(new int[] {16, 16, 3}));
    }

    @Test
    void convolvesAlongTheSteps() {
        Conv1D conv = new Conv1D(1, 2).useBias(false);
        conv.build(3, 2);
        conv.setWeights(Tensor.of(new int[] {2, 2, 1}, new float[] {1, 10, 100, 1000}));
        Tensor x = Tensor.of(new float[][][] {{{1, 2}, {3, 4}, {5, 6}}});
        // Step t: x[t]·(1, 10) + x[t + 1]·(100, 1000).
        assertEquals(Tensor.of(new float[][][] {{{1 + 20 + 300 + 4000}, {3 + 40 + 500 + 6000}}}), conv.apply(x));
    }

    @Test
    void poolsAlongTheSteps() {
        Tensor x = Tensor.of(new float[][][] {{{1, -1}, {4, -4}, {2, -2}, {3, -3}, {0, 9}}});
        assertEquals(Tensor.of(new float[][][] {{{4, -1}, {3, -2}}}), new MaxPooling1D(2).apply(x));
        assertEquals(Tensor.of(new float[][][] {{{4, -1}, {3, -2}, {0, 9}}}),
                new MaxPooling1D(2).padding("same").apply(x));
        assertEquals(Tensor.of(new float[][] {{4, 9}}), new GlobalMaxPooling1D().apply(x));
        assertEquals(Tensor.of(new float[][] {{2, -0.2f}}), new GlobalAveragePooling1D().apply(x));
    }

    @Test
    void repeatsEachPixelAsNearestUpSampling() {
        Tensor x = Tensor.of(new float[][][][] {{{{1, 10}, {2, 20}}, {{3, 30}, {4, 40}}}});
        Tensor up = new UpSampling2D().apply(x);
        assertArrayEquals(new int[] {1, 4, 4, 2}, up.shape());
        float[] channel0 = new float[16];
        for (int i = 0; i < 16; i++) {
            channel0[i] = up.get(2 * i);
        }
        assertArrayEquals(new float[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}, channel0);
        assertEquals(40f, up.get(2 * 15 + 1));
    }

    @Test
    void gradientsReachInputsAndWeights() {
        Tensor sequences = random(1, -1, 1, 2, 7, 3);
        Conv1D conv = new Conv1D(4, 3, "tanh").padding("same").strides(2);
        conv.build(7, 3);
        checkWeights("conv1d", () -> weightedSum(conv.apply(sequences)), conv.weights());
        check("conv1d inputs", in -> weightedSum(conv.apply(in[0])), sequences);
        check("max pooling 1d", in -> weightedSum(new MaxPooling1D(3).strides(2).apply(in[0])), sequences);
        check("global max pooling 1d", in -> weightedSum(new GlobalMaxPooling1D().apply(in[0])), sequences);
        check("global average pooling 1d", in -> weightedSum(new GlobalAveragePooling1D().apply(in[0])), sequences);
        check("up sampling 2d", in -> weightedSum(new UpSampling2D(3).apply(in[0])), random(2, -1, 1, 2, 2, 3, 2));
    }

    @Test
    void namesTheLayerWhenSequencesAreMissing() {
        Conv1D conv = new Conv1D(8, 3);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> conv.build(10, 10, 3));
        assertEquals("Layer \"conv1d\" (Conv1D) expects sequences of shape (None, steps, channels), but received input"
                + " with shape (None, 10, 10, 3)", error.getMessage());
        MaxPooling1D pooling = new MaxPooling1D(5);
        assertThrows(IllegalArgumentException.class, () -> pooling.build(3, 2));
    }
}
