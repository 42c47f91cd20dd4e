package org.backprop.nn.ops;

import static org.backprop.nn.GradientChecks.check;
import static org.backprop.nn.GradientChecks.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.backprop.nn.Tensor;
import org.backprop.nn.backend.Normalization;
import org.backprop.nn.backend.UnaryOp;
import org.junit.jupiter.api.Test;

/** Every primitive's backward against central differences, and forward values worked by hand. */
class OpsGradientTest {
    private static final Tensor WEIGHTS = random(99, -1, 1, 3, 4);

    /** Reduces any tensor to a scalar through fixed random weights, so every output position matters. */
    private static Tensor weightedSum(Tensor y) {
        Tensor weights = random(7, -1, 1, y.shape());
        return Ops.sumAll(Ops.multiply(y, weights));
    }

    @Test
    void matmul() {
        check("matmul", in -> weightedSum(Ops.matmul(in[0], in[1])), random(1, -1, 1, 3, 5), random(2, -1, 1, 5, 4));
    }

    @Test
    void batchMatmulWithEveryTransposition() {
        Tensor a = random(11, -1, 1, 2, 3, 4);
        Tensor b = random(12, -1, 1, 2, 4, 5);
        Tensor aT = Ops.transpose(a, 0, 2, 1);
        Tensor bT = Ops.transpose(b, 0, 2, 1);
        check("batchMatmul", in -> weightedSum(Ops.batchMatmul(in[0], false, in[1], false)), a, b);
        check("batchMatmul a transposed", in -> weightedSum(Ops.batchMatmul(in[0], true, in[1], false)), aT, b);
        check("batchMatmul b transposed", in -> weightedSum(Ops.batchMatmul(in[0], false, in[1], true)), a, bT);
        check("batchMatmul both transposed", in -> weightedSum(Ops.batchMatmul(in[0], true, in[1], true)), aT, bT);
    }

    @Test
    void gatherScatterAddsIntoRowsPickedMoreThanOnce() {
        Tensor indices = Tensor.of(new int[] {2, 3}, new float[] {0, 3, 3, 1, 0, 3});
        check("gather", in -> weightedSum(Ops.gather(in[0], indices)), random(13, -1, 1, 4, 5));
    }

    @Test
    void sliceAlongEachAxis() {
        Tensor x = random(14, -1, 1, 2, 5, 3);
        check("slice middle axis", in -> weightedSum(Ops.slice(in[0], 1, 1, 3)), x);
        check("slice last axis", in -> weightedSum(Ops.slice(in[0], -1, 2, 1)), x);
        check("slice first axis", in -> weightedSum(Ops.slice(in[0], 0, 0, 1)), x);
    }

    @Test
    void broadcastingBinaryOps() {
        Tensor a = random(3, -1, 1, 3, 4);
        Tensor row = random(4, 0.5f, 1.5f, 4);
        Tensor column = random(5, 0.5f, 1.5f, 3, 1);
        check("add", in -> weightedSum(Ops.add(in[0], in[1])), a, row);
        check("subtract", in -> weightedSum(Ops.subtract(in[0], in[1])), a, column);
        check("multiply", in -> weightedSum(Ops.multiply(in[0], in[1])), a, row);
        check("divide", in -> weightedSum(Ops.divide(in[0], in[1])), a, column);
        check("scale", in -> weightedSum(Ops.scale(in[0], -2.5f)), a);
    }

    @Test
    void unaryOps() {
        // Away from 0 so that relu, leaky relu and abs are differentiable at every point checked.
        Tensor x = Ops.add(random(6, 0.1f, 1.5f, 3, 4), Tensor.of(new float[] {-2f, 0f, -1.7f, 0.2f}));
        Tensor positive = random(8, 0.2f, 2f, 3, 4);
        check("relu", in -> weightedSum(Ops.relu(in[0])), x);
        check("leaky relu", in -> weightedSum(Ops.leakyRelu(in[0], 0.2f)), x);
        check("sigmoid", in -> weightedSum(Ops.sigmoid(in[0])), x);
        check("tanh", in -> weightedSum(Ops.tanh(in[0])), x);
        check("gelu", in -> weightedSum(Ops.gelu(in[0])), x);
        check("exp", in -> weightedSum(Ops.exp(in[0])), x);
        check("log", in -> weightedSum(Ops.log(in[0])), positive);
        check("sqrt", in -> weightedSum(Ops.sqrt(in[0])), positive);
        check("abs", in -> weightedSum(Ops.abs(in[0])), x);
        check("negative", in -> weightedSum(Ops.negative(in[0])), x);
        check("square", in -> weightedSum(Ops.square(in[0])), x);
    }

    @Test
    void reductionsAndShapes() {
        Tensor x = random(9, -1, 1, 2, 3, 4);
        check("sum over axis 1", in -> weightedSum(Ops.sum(in[0], 1)), x);
        check("mean over the last two axes", in -> weightedSum(Ops.mean(in[0], -2, -1)), x);
        check("mean of all", in -> Ops.meanAll(Ops.square(in[0])), x);
        check("reshape", in -> weightedSum(Ops.reshape(in[0], new int[] {6, -1})), x);
        check("transpose", in -> weightedSum(Ops.transpose(in[0], 2, 0, 1)), x);
    }

    @Test
    void softmaxCrossEntropyWithTargetsThatNeedNotSumToOne() {
        Tensor targets = random(21, 0, 1, 3, 5);
        check("softmax cross-entropy", in -> weightedSum(Ops.softmaxCrossEntropy(in[0], targets)),
                random(22, -3, 3, 3, 5));
        // Worked by hand: logits (0, ln 3) give softmax (1/4, 3/4); target (1, 0) scores −ln(1/4).
        Tensor loss = Ops.softmaxCrossEntropy(Tensor.of(new float[][] {{0f, (float) Math.log(3)}}),
                Tensor.of(new float[][] {{1f, 0f}}));
        assertArrayEquals(new float[] {(float) Math.log(4)}, loss.toArray(), 1e-6f);
    }

    @Test
    void fusedDenseWithEachActivationItCanFuse() {
        Tensor x = random(23, -1, 1, 4, 3);
        Tensor kernel = random(24, -1, 1, 3, 5);
        // Biases away from the kinks of relu and leaky relu at the points checked.
        Tensor bias = random(25, 0.6f, 1.2f, 5);
        check("dense linear", in -> weightedSum(Ops.dense(in[0], in[1], in[2], null, 0f)), x, kernel, bias);
        check("dense without bias", in -> weightedSum(Ops.dense(in[0], in[1], null, UnaryOp.TANH, 0f)), x, kernel);
        for (UnaryOp op : new UnaryOp[] {UnaryOp.RELU, UnaryOp.LEAKY_RELU, UnaryOp.SIGMOID, UnaryOp.TANH}) {
            check("dense " + op, in -> weightedSum(Ops.dense(in[0], in[1], in[2], op, 0.2f)), x, kernel,
                    Ops.scale(bias, op == UnaryOp.RELU || op == UnaryOp.LEAKY_RELU ? -1f : 1f));
        }
    }

    @Test
    void fusedConv2dWithBiasAndActivation() {
        Tensor x = random(31, -1, 1, 2, 5, 4, 3);
        Tensor kernel = random(32, -1, 1, 3, 3, 3, 2);
        Tensor bias = random(33, 0.6f, 1.2f, 2);
        check("conv2d + bias + tanh", in -> weightedSum(Ops.conv2d(in[0], in[1], in[2], UnaryOp.TANH, 0f, 2, 1,
                "same")), x, kernel, bias);
        check("conv2d + bias", in -> weightedSum(Ops.conv2d(in[0], in[1], in[2], null, 0f, 1, 1, "valid")), x,
                kernel, bias);
        assertArrayEquals(Ops.relu(Ops.add(Ops.conv2d(x, kernel, 1, 1, "same"), bias)).toArray(),
                Ops.conv2d(x, kernel, bias, UnaryOp.RELU, 0f, 1, 1, "same").toArray());
    }

    @Test
    void normalizeOverEitherAxisWithTrivialAndNonTrivialGammaAndBeta() {
        Tensor x = random(41, -2, 2, 3, 2, 5);
        Tensor ones = Tensor.filled(1f, 5);
        Tensor zeros = Tensor.zeros(5);
        Tensor gamma = random(42, 0.5f, 2f, 5);
        Tensor beta = random(43, -1, 1, 5);
        for (Normalization kind : Normalization.values()) {
            check(kind + " normalize", in -> weightedSum(Ops.normalize(kind, in[0], in[1], in[2], 1e-3f).y()), x,
                    gamma, beta);
            check(kind + " normalize, gamma 1 and beta 0", in -> weightedSum(Ops.normalize(kind, in[0], ones, zeros,
                    1e-3f).y()), x);
        }
        Tensor mean = random(44, -1, 1, 5);
        Tensor variance = random(45, 0.5f, 2f, 5);
        check("normalizeWith", in -> weightedSum(Ops.normalizeWith(in[0], mean, variance, in[1], in[2], 1e-3f)), x,
                gamma, beta);
    }

    @Test
    void normalizeReturnsTheStatisticsItUsed() {
        Tensor x = Tensor.of(new float[][] {{1, 10}, {3, 20}, {5, 60}});
        Normalized batch = Ops.normalize(Normalization.BATCH, x, Tensor.filled(1f, 2), Tensor.zeros(2), 1e-3f);
        assertArrayEquals(new float[] {3, 30}, batch.mean().toArray(), 1e-5f);
        assertArrayEquals(new float[] {8f / 3, 1400f / 3}, batch.variance().toArray(), 1e-3f);
        Normalized layer = Ops.normalize(Normalization.LAYER, x, Tensor.filled(1f, 2), Tensor.zeros(2), 1e-3f);
        assertArrayEquals(new float[] {5.5f, 11.5f, 32.5f}, layer.mean().toArray(), 1e-5f);
        assertArrayEquals(new float[] {20.25f, 72.25f, 756.25f}, layer.variance().toArray(), 1e-3f);
        assertEquals(-4.5 / Math.sqrt(20.251), layer.y().get(0), 1e-6);
    }

    @Test
    void fusedDenseEqualsTheOpsItStandsForToTheBit() {
        Tensor x = random(26, -1, 1, 6, 7);
        Tensor kernel = random(27, -1, 1, 7, 4);
        Tensor bias = random(28, -1, 1, 4);
        assertArrayEquals(Ops.relu(Ops.add(Ops.matmul(x, kernel), bias)).toArray(),
                Ops.dense(x, kernel, bias, UnaryOp.RELU, 0f).toArray());
    }

    @Test
    void fusedDenseRefusesWhatItCannotFuse() {
        Tensor x = random(29, -1, 1, 2, 3);
        Tensor kernel = random(30, -1, 1, 3, 2);
        assertEquals("dense: activation GELU with parameter 0.0 cannot be fused (its derivative needs the"
                + " pre-activation values)", assertThrows(IllegalArgumentException.class,
                        () -> Ops.dense(x, kernel, null, UnaryOp.GELU, 0f)).getMessage());
        assertEquals("dense needs x (m, k), kernel (k, n) and bias (n,), got (2, 3), (3, 2) and (3,)",
                assertThrows(IllegalArgumentException.class,
                        () -> Ops.dense(x, kernel, Tensor.of(new float[] {1, 2, 3}), null, 0f)).getMessage());
    }

    @Test
    void softmaxAndLogSoftmax() {
        Tensor logits = random(10, -2, 2, 3, 4);
        check("softmax", in -> weightedSum(Ops.softmax(in[0])), logits);
        check("log softmax", in -> weightedSum(Ops.logSoftmax(in[0])), logits);
    }

    @Test
    void aGradientReachesATensorUsedTwice() {
        check("x * x + x", in -> weightedSum(Ops.add(Ops.multiply(in[0], in[0]), in[0])), WEIGHTS);
    }

    @Test
    void computesForwardValuesWorkedByHand() {
        Tensor a = Tensor.of(new float[][] {{1, 2}, {-3, 4}});
        Tensor b = Tensor.of(new float[][] {{1, -1, 0.5f}, {2, 1, -1}});
        assertArrayEquals(new float[] {5, 1, -1.5f, 5, 7, -5.5f}, Ops.matmul(a, b).toArray(), 1e-6f);
        assertArrayEquals(new float[] {2, 3, -2, 5}, Ops.add(a, Tensor.of(new float[] {1, 1})).toArray());
        assertArrayEquals(new float[] {3, 1}, Ops.sum(a, 1).toArray());
        assertEquals(1f, Ops.meanAll(a).item());
        assertArrayEquals(new float[] {1, -3, 2, 4}, Ops.transpose(a, 1, 0).toArray());
        Tensor batch = Ops.reshape(Ops.concatenate(java.util.List.of(a, Ops.scale(a, 2)), 0), new int[] {2, 2, 2});
        assertArrayEquals(new float[] {5, 5, 5, 25, 20, 20, 20, 100},
                Ops.batchMatmul(batch, false, batch, true).toArray(), 1e-6f);
        Tensor table = Tensor.of(new float[][] {{1, 2}, {3, 4}, {5, 6}});
        assertArrayEquals(new float[] {5, 6, 1, 2, 5, 6}, Ops.gather(table, Tensor.of(new float[] {2, 0, 2})).toArray());
        assertArrayEquals(new int[] {1, 3, 2}, Ops.gather(table, Tensor.of(new int[] {1, 3}, new float[3])).shape());
        assertArrayEquals(new float[] {2, 4}, Ops.slice(a, 1, 1, 1).toArray());
        float[] softmax = Ops.softmax(Tensor.of(new float[][] {{0, (float) Math.log(3)}})).toArray();
        assertArrayEquals(new float[] {0.25f, 0.75f}, softmax, 1e-6f);
    }

    @Test
    void namesShapesThatDoNotFit() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Ops.matmul(Tensor.zeros(2, 3), Tensor.zeros(2, 3)));
        assertEquals("matmul needs shapes (m, k) and (k, n), got (2, 3) and (2, 3)", error.getMessage());
        error = assertThrows(IllegalArgumentException.class, () -> Ops.add(Tensor.zeros(2, 3), Tensor.zeros(2)));
        assertEquals("shapes (2, 3) and (2,) cannot be broadcast together", error.getMessage());
        error = assertThrows(IllegalArgumentException.class,
                () -> Ops.batchMatmul(Tensor.zeros(2, 3, 4), false, Tensor.zeros(2, 3, 4), false));
        assertEquals("batchMatmul needs shapes (batch, m, k) and (batch, k, n) after transposing, got (2, 3, 4)"
                + " and (2, 3, 4)", error.getMessage());
        error = assertThrows(IllegalArgumentException.class,
                () -> Ops.gather(Tensor.zeros(4, 2), Tensor.of(new float[][] {{0, 1}, {3, 4}})));
        assertEquals("gather needs whole-number indices in [0, 4), got 4.0 at position [1, 1]", error.getMessage());
        error = assertThrows(IllegalArgumentException.class,
                () -> Ops.gather(Tensor.zeros(4, 2), Tensor.of(new float[] {0, 1.5f})));
        assertEquals("gather needs whole-number indices in [0, 4), got 1.5 at position [1]", error.getMessage());
        error = assertThrows(IllegalArgumentException.class, () -> Ops.slice(Tensor.zeros(2, 3), 1, 2, 2));
        assertEquals("slice [2, 4) is out of range for axis 1 of shape (2, 3)", error.getMessage());
        error = assertThrows(IllegalArgumentException.class, () -> Ops.reshape(Tensor.zeros(2, 3), new int[] {4, -1}));
        assertEquals("cannot reshape (2, 3) (6 values) to (4, -1)", error.getMessage());
    }
}
