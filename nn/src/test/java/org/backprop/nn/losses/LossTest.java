package org.backprop.nn.losses;

import static org.backprop.nn.GradientChecks.check;
import static org.backprop.nn.GradientChecks.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.backprop.nn.Tensor;
import org.backprop.nn.autograd.Gradients;
import org.backprop.nn.ops.Ops;
import org.junit.jupiter.api.Test;

/** Loss values worked by hand from Keras's formulas, and every loss's gradient against central differences. */
class LossTest {
    private static final Tensor PROBABILITIES = Tensor.of(new float[][] {{0.7f, 0.2f, 0.1f}, {0.1f, 0.3f, 0.6f}});
    private static final Tensor ONE_HOT = Tensor.of(new float[][] {{1, 0, 0}, {0, 0, 1}});
    private static final Tensor LABELS = Tensor.of(new float[] {0, 2});

    @Test
    void regressionLosses() {
        Tensor yTrue = Tensor.of(new float[][] {{6}, {7}, {8.5f}});
        Tensor yPred = Tensor.of(new float[][] {{5.3f}, {6.2f}, {6.8f}});
        assertEquals((0.49 + 0.64 + 2.89) / 3, new MeanSquaredError().call(yTrue, yPred).item(), 1e-5);
        assertEquals((0.7 + 0.8 + 1.7) / 3, new MeanAbsoluteError().call(yTrue, yPred).item(), 1e-5);
    }

    @Test
    void crossEntropiesOfProbabilities() {
        double expected = -(Math.log(0.7) + Math.log(0.6)) / 2;
        assertEquals(expected, new CategoricalCrossentropy(false).call(ONE_HOT, PROBABILITIES).item(), 1e-5);
        assertEquals(expected, new SparseCategoricalCrossentropy(false).call(LABELS, PROBABILITIES).item(), 1e-5);
        Tensor p = Tensor.of(new float[][] {{0.9f}, {0.2f}});
        Tensor y = Tensor.of(new float[][] {{1}, {0}});
        assertEquals(-(Math.log(0.9) + Math.log(0.8)) / 2, new BinaryCrossentropy(false).call(y, p).item(), 1e-5);
    }

    @Test
    void crossEntropiesOfLogitsEqualThoseOfTheirProbabilities() {
        Tensor logits = Tensor.of(new float[][] {{2f, -1f, 0.5f}, {-0.3f, 0.1f, 1.2f}});
        // The probabilities as a plain tensor: a softmax's output itself would be scored from its logits.
        Tensor probabilities = Tensor.of(logits.shape(), Ops.softmax(logits).toArray());
        float viaProbabilities = new CategoricalCrossentropy(false).call(ONE_HOT, probabilities).item();
        assertEquals(viaProbabilities, new CategoricalCrossentropy(true).call(ONE_HOT, logits).item(), 1e-5);
        Tensor binaryLogits = Tensor.of(new float[][] {{3f}, {-0.5f}});
        Tensor y = Tensor.of(new float[][] {{1}, {0}});
        assertEquals(new BinaryCrossentropy(false).call(y, Ops.sigmoid(binaryLogits)).item(),
                new BinaryCrossentropy(true).call(y, binaryLogits).item(), 1e-5);
    }

    @Test
    void staysFiniteForExtremeLogits() {
        Tensor logits = Tensor.of(new float[][] {{1000f, -1000f, 0f}});
        assertEquals(0f, new CategoricalCrossentropy(true).call(Tensor.of(new float[][] {{1, 0, 0}}), logits).item(), 1e-6);
        assertEquals(1000f, new BinaryCrossentropy(true).call(Tensor.of(new float[][] {{0}}),
                Tensor.of(new float[][] {{1000f}})).item(), 1e-3);
    }

    @Test
    void scoresASoftmaxOutputFromItsLogitsAsKerasDoes() {
        Tensor logits = Tensor.of(new float[][] {{1000f, 0f, -5f}}).asVariable();
        Tensor softmax = Ops.softmax(logits);
        Tensor label = Tensor.of(new float[] {1});
        // From the logits: the exact 1000. From the probabilities alone, (1, 0, 0) after rounding: −log(1e−7).
        Tensor loss = new SparseCategoricalCrossentropy(false).call(label, softmax);
        assertEquals(1000f, loss.item(), 1e-3);
        assertEquals(16.118, new SparseCategoricalCrossentropy(false).call(label,
                Tensor.of(softmax.shape(), softmax.toArray())).item(), 1e-3);
        // And the gradient still reaches the logits: softmax − one-hot.
        assertArrayEquals(new float[] {1f, -1f, 0f},
                Gradients.of(loss, List.of(logits)).get(0).toArray(), 1e-6f);
    }

    @Test
    void gradients() {
        Tensor targets = random(11, 0, 1, 2, 3);
        Tensor logits = random(12, -2, 2, 2, 3);
        Tensor probabilities = random(13, 0.1f, 0.9f, 2, 3);
        check("mse", in -> new MeanSquaredError().call(targets, in[0]), logits);
        // Predictions kept away from the targets: |t − p| has a kink where they meet.
        check("mae", in -> new MeanAbsoluteError().call(targets, in[0]), random(14, 1.5f, 3f, 2, 3));
        check("binary crossentropy", in -> new BinaryCrossentropy(false).call(ONE_HOT, in[0]), probabilities);
        check("binary crossentropy from logits", in -> new BinaryCrossentropy(true).call(ONE_HOT, in[0]), logits);
        check("categorical crossentropy", in -> new CategoricalCrossentropy(false).call(ONE_HOT, in[0]), probabilities);
        check("categorical crossentropy from logits", in -> new CategoricalCrossentropy(true).call(ONE_HOT, in[0]), logits);
        check("sparse categorical crossentropy from logits",
                in -> new SparseCategoricalCrossentropy(true).call(LABELS, in[0]), logits);
    }

    @Test
    void sparseLabelsPerPixelAndPerTimestepAreMeanOverEveryPosition() {
        // A 2×2 "image" of 3 classes per pixel: the loss is the one-hot loss of the same pixels, averaged over them.
        Tensor logits = random(15, -2, 2, 1, 2, 2, 3);
        Tensor masks = Tensor.of(new int[] {1, 2, 2, 1}, new float[] {0, 2, 1, 2});
        Tensor oneHot = Tensor.of(new int[] {1, 2, 2, 3}, new float[] {1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1});
        float expected = new CategoricalCrossentropy(true).call(oneHot, logits).item();
        assertEquals(expected, new SparseCategoricalCrossentropy(true).call(masks, logits).item(), 1e-6);
        assertEquals(expected, new SparseCategoricalCrossentropy(true).call(Tensor.of(new int[] {1, 2, 2},
                masks.toArray()), logits).item(), 1e-6);
        // The same pixels as rows of a classifier give the same mean.
        assertEquals(expected, new SparseCategoricalCrossentropy(true).call(Tensor.of(masks.toArray()),
                Ops.reshape(logits, new int[] {4, 3})).item(), 1e-6);
        Tensor probabilities = Tensor.of(logits.shape(), Ops.softmax(logits).toArray());
        assertEquals(expected, new SparseCategoricalCrossentropy(false).call(masks, probabilities).item(), 1e-5);
        // One label per timestep of a sequence, [batch, steps] against [batch, steps, vocabulary].
        check("sparse categorical crossentropy per timestep", in -> new SparseCategoricalCrossentropy(true).call(
                Tensor.of(new float[][] {{1, 0, 3}, {2, 2, 0}}), in[0]), random(16, -2, 2, 2, 3, 4));
        check("sparse categorical crossentropy per pixel, probabilities",
                in -> new SparseCategoricalCrossentropy(false).call(masks, in[0]), random(17, 0.1f, 0.9f, 1, 2, 2, 3));
    }

    @Test
    void explainsPerPositionLabelsThatDoNotLineUp() {
        Tensor predictions = Tensor.zeros(2, 4, 3);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new SparseCategoricalCrossentropy().call(Tensor.zeros(2, 3), predictions));
        assertEquals("sparse_categorical_crossentropy: labels must have shape (2, 4) or (2, 4, 1) (one class index"
                + " per position) for predictions of shape (2, 4, 3), got (2, 3)", error.getMessage());
        error = assertThrows(IllegalArgumentException.class, () -> new SparseCategoricalCrossentropy().call(
                Tensor.of(new float[][] {{0, 1, 2, 1}, {2, 0, 5, 1}}), predictions));
        assertEquals("sparse_categorical_crossentropy: label 5.0 at index (1, 2) is not a class index in [0, 3):"
                + " class indices count from 0, and the model needs one output per class",
                error.getMessage());
    }

    @Test
    void explainsLabelsThatAreNotClassIndices() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new SparseCategoricalCrossentropy(false).call(Tensor.of(new float[] {0, 3}), PROBABILITIES));
        assertEquals("sparse_categorical_crossentropy: label 3.0 at row 1 is not a class index in [0, 3):"
                + " class indices count from 0, and the model needs one output per class",
                error.getMessage());
        error = assertThrows(IllegalArgumentException.class,
                () -> new MeanSquaredError().call(Tensor.zeros(2, 1), Tensor.zeros(2, 3)));
        assertEquals("mean_squared_error: targets have shape (2, 1) but predictions have shape (2, 3)",
                error.getMessage());
    }
}
