package org.backprop.nn.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.backprop.nn.Tensor;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void precisionRecallAndF1CountOverAllBatches() {
        Metric precision = Metrics.byName("precision", "binary_crossentropy");
        Metric recall = Metrics.byName("recall", "binary_crossentropy");
        Metric f1 = Metrics.byName("f1_score", "binary_crossentropy");
        Tensor yTrue = Tensor.of(new float[] {1, 1, 0, 0, 1});
        Tensor yPred = Tensor.of(new float[] {0.9f, 0.2f, 0.7f, 0.1f, 0.8f});
        for (Metric metric : new Metric[] {precision, recall, f1}) {
            metric.update(yTrue, yPred);
        }
        // True positives 2, false positives 1, false negatives 1.
        assertEquals(2.0 / 3, precision.result(), 1e-9);
        assertEquals(2.0 / 3, recall.result(), 1e-9);
        assertEquals(2.0 / 3, f1.result(), 1e-9);
        precision.update(Tensor.of(new float[] {0}), Tensor.of(new float[] {0.9f}));
        assertEquals(2.0 / 4, precision.result(), 1e-9);
    }

    @Test
    void topKCountsARowWhenItsClassIsAmongTheKLargest() {
        Metric top2 = Metrics.sparseTopKCategorical("top2", 2);
        top2.update(Tensor.of(new float[] {2, 0}), Tensor.of(new float[][] {{0.1f, 0.5f, 0.4f}, {0.2f, 0.3f, 0.5f}}));
        assertEquals(0.5, top2.result(), 1e-9);
    }

    @Test
    void accuracyFollowsTheLoss() {
        Metric sparse = Metrics.byName("accuracy", "sparse_categorical_crossentropy");
        sparse.update(Tensor.of(new float[] {1, 0}), Tensor.of(new float[][] {{0.2f, 0.8f}, {0.4f, 0.6f}}));
        assertEquals(0.5, sparse.result(), 1e-9);
        Metric binary = Metrics.byName("accuracy", "binary_crossentropy");
        binary.update(Tensor.of(new float[][] {{1}, {0}}), Tensor.of(new float[][] {{0.6f}, {0.3f}}));
        assertEquals(1.0, binary.result(), 1e-9);
    }

    @Test
    void sparseAccuraciesCountEveryPixelOrTimestep() {
        // Two 1×2 masks of 3 classes: pixels (0,0) right, (0,1) wrong, (1,0) right, (1,1) wrong.
        Tensor scores = Tensor.of(new int[] {2, 1, 2, 3}, new float[] {
            0.7f, 0.2f, 0.1f, 0.5f, 0.3f, 0.2f, 0.1f, 0.1f, 0.8f, 0.3f, 0.6f, 0.1f});
        Tensor masks = Tensor.of(new int[] {2, 1, 2, 1}, new float[] {0, 1, 2, 2});
        Metric accuracy = Metrics.byName("accuracy", "sparse_categorical_crossentropy");
        accuracy.update(masks, scores);
        assertEquals(0.5, accuracy.result(), 1e-9);
        // Within the two largest: pixel (0,1)'s class 1 (0.3 second) yes, pixel (1,1)'s class 2 (0.1 last) no.
        Metric top2 = Metrics.sparseTopKCategorical("top2", 2);
        top2.update(Tensor.of(new int[] {2, 1, 2}, masks.toArray()), scores);
        assertEquals(0.75, top2.result(), 1e-9);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> accuracy.update(Tensor.of(new float[] {0, 1}), scores));
        assertEquals("accuracy: labels must have shape (2, 1, 2) or (2, 1, 2, 1) (one class index per position) for"
                + " predictions of shape (2, 1, 2, 3), got (2,)", error.getMessage());
    }
}
