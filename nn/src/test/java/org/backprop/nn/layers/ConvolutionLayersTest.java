package org.backprop.nn.layers;

import static org.backprop.nn.GradientChecks.check;
import static org.backprop.nn.GradientChecks.checkWeights;
import static org.backprop.nn.GradientChecks.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;
import org.junit.jupiter.api.Test;

/** Parameter counts from Keras's formulas, output shapes, and gradients through each layer's weights. */
class ConvolutionLayersTest {

    private static Tensor weightedSum(Tensor y) {
        return Ops.sumAll(Ops.multiply(y, random(9, -1, 1, y.shape())));
    }

    @Test
    void countsParametersAsKeras() {
        assertEquals(3 * 3 * 3 * 32 + 32, built(new Conv2D(32, 3, "relu"), 180, 180, 3).countParams());
        assertEquals(3 * 3 * 32 + 32, built(new DepthwiseConv2D(3), 20, 20, 32).countParams());
        // Depthwise 3·3·32, pointwise 32·64, bias 64: the book's "3x3x64x64 becomes 3x3x64 + 64x64".
        assertEquals(3 * 3 * 32 + 32 * 64 + 64, built(new SeparableConv2D(64, 3), 20, 20, 32).countParams());
        BatchNormalization norm = built(new BatchNormalization(), 20, 20, 32);
        assertEquals(4 * 32, norm.countParams());
        assertEquals(2 * 32, norm.countTrainableParams());
    }

    @Test
    void computesOutputShapes() {
        assertArrayEquals(new int[] {178, 178, 32}, new Conv2D(32, 3).computeOutputShape(new int[] {180, 180, 3}));
        assertArrayEquals(new int[] {90, 90, 32},
                new Conv2D(32, 3).strides(2).padding("same").computeOutputShape(new int[] {180, 180, 3}));
        assertArrayEquals(new int[] {45, 45, 64}, new MaxPooling2D(3).strides(2).padding("same")
                .computeOutputShape(new int[] {90, 90, 64}));
        assertArrayEquals(new int[] {64}, new GlobalAveragePooling2D().computeOutputShape(new int[] {7, 7, 64}));
    }

    @Test
    void gradientsReachEveryWeight() {
        Tensor x = random(1, -1, 1, 2, 5, 5, 3);
        Conv2D conv = built(new Conv2D(4, 3, "tanh").padding("same"), 5, 5, 3);
        checkWeights("conv2d", () -> weightedSum(conv.apply(x)), conv.weights());
        SeparableConv2D separable = built(new SeparableConv2D(4, 3).strides(2), 5, 5, 3);
        checkWeights("separable conv2d", () -> weightedSum(separable.apply(x)), separable.weights());
        check("separable conv2d inputs", in -> weightedSum(separable.apply(in[0])), x);
        DepthwiseConv2D depthwise = built(new DepthwiseConv2D(3).depthMultiplier(2).padding("same"), 5, 5, 3);
        checkWeights("depthwise conv2d", () -> weightedSum(depthwise.apply(x)), depthwise.weights());
        GlobalAveragePooling2D pooling = new GlobalAveragePooling2D();
        check("global average pooling", in -> weightedSum(pooling.apply(in[0])), x);
    }

    @Test
    void aRectangularKernelIsASquareOneWithZeroRows() {
        // Keras's Conv2D(4, (1, 3), padding="same"): InceptionV3's factorised convolutions.
        Tensor x = random(2, -1, 1, 2, 5, 6, 3);
        Conv2D wide = built(new Conv2D(4, 1, 3).padding("same").useBias(false), 5, 6, 3);
        assertEquals(1 * 3 * 3 * 4, wide.countParams());
        assertArrayEquals(new int[] {1, 3, 3, 4}, wide.getWeights().get(0).shape());
        float[] kernel = wide.getWeights().get(0).toArray();
        float[] square = new float[3 * 3 * 3 * 4];
        System.arraycopy(kernel, 0, square, 3 * 3 * 4, kernel.length);
        Conv2D padded = built(new Conv2D(4, 3).padding("same").useBias(false), 5, 6, 3);
        padded.setWeights(Tensor.of(new int[] {3, 3, 3, 4}, square));
        assertArrayEquals(padded.apply(x).toArray(), wide.apply(x).toArray(), 1e-5f);
        assertArrayEquals(new int[] {2, 2, 4}, new Conv2D(4, 3, 1).strides(2).computeOutputShape(new int[] {5, 4, 3}));
        Conv2D tall = built(new Conv2D(2, 3, 1).activation("tanh"), 5, 6, 3);
        checkWeights("conv2d 3x1", () -> weightedSum(tall.apply(x)), tall.weights());
        assertEquals("Layer \"" + tall.name() + "\" (Conv2D): a 3x1 window with \"valid\" padding does not fit"
                + " inputs of shape (None, 2, 6, 3)",
                assertThrows(IllegalArgumentException.class, () -> tall.computeOutputShape(new int[] {2, 6, 3}))
                        .getMessage());
    }

    @Test
    void namesTheLayerWhenImagesAreMissingOrTooSmall() {
        Conv2D conv = new Conv2D(8, 3);
        assertEquals("Layer \"" + conv.name() + "\" (Conv2D) expects images of shape (None, height, width, channels),"
                + " but received input with shape (None, 10)",
                assertThrows(IllegalArgumentException.class, () -> conv.apply(Tensor.zeros(2, 10))).getMessage());
        Conv2D big = new Conv2D(8, 5);
        assertEquals("Layer \"" + big.name() + "\" (Conv2D): a 5x5 window with \"valid\" padding does not fit inputs"
                + " of shape (None, 3, 3, 1)",
                assertThrows(IllegalArgumentException.class, () -> big.apply(Tensor.zeros(1, 3, 3, 1))).getMessage());
        assertEquals("filters must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> new Conv2D(0, 3)).getMessage());
    }

    private static <L extends Layer> L built(L layer, int... inputShape) {
        layer.build(inputShape);
        return layer;
    }
}
