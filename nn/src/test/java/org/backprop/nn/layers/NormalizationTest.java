package org.backprop.nn.layers;

import static org.backprop.nn.GradientChecks.check;
import static org.backprop.nn.GradientChecks.checkWeights;
import static org.backprop.nn.GradientChecks.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;
import org.junit.jupiter.api.Test;

class NormalizationTest {
    private static final Tensor BATCH = Tensor.of(new float[][] {{1, 10}, {3, 20}, {5, 30}, {7, 40}});

    private static Tensor weightedSum(Tensor y) {
        return Ops.sumAll(Ops.multiply(y, random(9, -1, 1, y.shape())));
    }

    @Test
    void batchNormalizationUsesBatchStatisticsInTrainingAndMovesItsAverages() {
        BatchNormalization norm = new BatchNormalization();
        Tensor y = norm.call(BATCH, true);
        // Column 0 has mean 4 and variance 5: (1 − 4) / sqrt(5 + 0.001).
        assertEquals(-3 / Math.sqrt(5.001), y.get(0), 1e-5);
        List<Tensor> weights = norm.getWeights();
        assertArrayEquals(new float[] {0.04f, 0.25f}, weights.get(2).toArray(), 1e-5f);
        assertArrayEquals(new float[] {0.99f + 0.05f, 0.99f + 1.25f}, weights.get(3).toArray(), 1e-4f);
    }

    @Test
    void batchNormalizationUsesMovingAveragesInInferenceAndWhenFrozen() {
        BatchNormalization norm = new BatchNormalization();
        norm.build(2);
        norm.setWeights(Tensor.of(new float[] {2, 1}), Tensor.of(new float[] {0.5f, 0}),
                Tensor.of(new float[] {4, 25}), Tensor.of(new float[] {5, 125}));
        Tensor expected = Tensor.of(new float[][] {{(float) (2 * -3 / Math.sqrt(5.001) + 0.5), (float) (-15 / Math.sqrt(125.001))}});
        assertArrayEquals(expected.toArray(), norm.call(Tensor.of(new float[][] {{1, 10}}), false).toArray(), 1e-5f);
        norm.setTrainable(false);
        assertArrayEquals(expected.toArray(), norm.call(Tensor.of(new float[][] {{1, 10}}), true).toArray(), 1e-5f);
        assertArrayEquals(new float[] {4, 25}, norm.getWeights().get(2).toArray(), "a frozen layer keeps its averages");
        assertEquals(0, norm.trainableWeights().size());
    }

    @Test
    void batchNormalizationWithoutScaleHasNoGamma() {
        // Keras's BatchNormalization(scale=False), as InceptionV3's: beta, moving mean, moving variance.
        BatchNormalization norm = new BatchNormalization().scale(false);
        norm.build(2);
        assertEquals(3 * 2, norm.countParams());
        assertEquals(2, norm.countTrainableParams());
        norm.setWeights(Tensor.of(new float[] {0.5f, 0}), Tensor.of(new float[] {4, 25}),
                Tensor.of(new float[] {5, 125}));
        Tensor x = Tensor.of(new float[][] {{1, 10}});
        assertArrayEquals(new float[] {(float) (-3 / Math.sqrt(5.001) + 0.5), (float) (-15 / Math.sqrt(125.001))},
                norm.call(x, false).toArray(), 1e-5f);
        Tensor y = norm.call(BATCH, true);
        assertEquals(-3 / Math.sqrt(5.001) + 0.5, y.get(0), 1e-5);
        assertEquals(Boolean.FALSE, norm.getConfig().get("scale"));
        checkWeights("batch normalization without scale", () -> weightedSum(norm.call(BATCH, true)),
                norm.trainableWeights());
        check("batch normalization without scale, inputs", in -> weightedSum(norm.call(in[0], true)), BATCH);
    }

    @Test
    void batchNormalizationNormalisesTheLastAxisWhicheverWayItIsNamed() {
        BatchNormalization named = new BatchNormalization().axis(3);
        named.build(4, 4, 2);
        assertEquals(4 * 2, named.countParams());
        BatchNormalization other = new BatchNormalization().axis(1);
        assertEquals("Layer \"" + other.name() + "\" (BatchNormalization) normalises the last axis, -1 or 3 for"
                + " inputs of rank 4 (with the batch); got axis 1",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> other.build(4, 4, 2)).getMessage());
    }

    @Test
    void layerNormalizationNormalizesEachExample() {
        LayerNormalization norm = new LayerNormalization();
        Tensor y = norm.apply(Tensor.of(new float[][] {{1, 3}, {10, 30}}));
        assertEquals(-1 / Math.sqrt(1.001), y.get(0), 1e-5);
        assertEquals(-10 / Math.sqrt(100.001), y.get(2), 1e-5);
    }

    @Test
    void gradients() {
        Tensor x = random(3, -2, 2, 4, 3, 3, 2);
        BatchNormalization batch = new BatchNormalization();
        batch.build(3, 3, 2);
        check("batch normalization inputs", in -> weightedSum(batch.call(in[0], true)), x);
        checkWeights("batch normalization", () -> weightedSum(batch.call(x, true)), batch.trainableWeights());
        LayerNormalization layer = new LayerNormalization();
        layer.build(3, 3, 2);
        check("layer normalization inputs", in -> weightedSum(layer.apply(in[0])), x);
        checkWeights("layer normalization", () -> weightedSum(layer.apply(x)), layer.weights());
    }
}
