package org.backprop.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.backprop.nn.Tensor;
import org.backprop.nn.random.RandomGenerator;
import org.backprop.nn.random.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatasetTest {
    /** Ten examples of two features each: example i is (i, 10 + i) with label i % 3. */
    private Dataset ten;

    @BeforeEach
    void tenExamples() {
        RandomSeed.set(42);
        float[] features = new float[20];
        float[] labels = new float[10];
        for (int i = 0; i < 10; i++) {
            features[2 * i] = i;
            features[2 * i + 1] = 10 + i;
            labels[i] = i % 3;
        }
        ten = Dataset.of(Tensor.of(new int[] {10, 2}, features), Tensor.of(labels));
    }

    @Test
    void keepsShapesWithoutTheBatchDimension() {
        assertEquals(10, ten.size());
        assertArrayEquals(new int[] {2}, ten.featureShape());
        assertArrayEquals(new int[0], ten.labelShape());
    }

    @Test
    void unchangedDatasetHandsBackItsOwnTensors() {
        Tensor features = Tensor.zeros(3, 2);
        Tensor labels = Tensor.zeros(3);
        Dataset dataset = Dataset.of(features, labels);
        assertSame(features, dataset.features());
        assertSame(labels, dataset.labels());
    }

    @Test
    void batchesInOrderWithASmallerLastBatch() {
        List<String> batches = new ArrayList<>();
        for (Dataset batch : ten.batches(4)) {
            batches.add(Arrays.toString(firstFeatures(batch)) + " " + Arrays.toString(batch.labels().toArray()));
        }
        assertEquals(List.of(
                "[0, 1, 2, 3] [0.0, 1.0, 2.0, 0.0]",
                "[4, 5, 6, 7] [1.0, 2.0, 0.0, 1.0]",
                "[8, 9] [2.0, 0.0]"), batches);
        assertEquals(3, ten.batchCount(4));
        assertEquals(1, ten.batchCount(10));
    }

    @Test
    void batchesKeepFeaturesAndLabelsTogether() {
        for (Dataset batch : ten.shuffle().batches(3)) {
            float[] features = batch.features().toArray();
            float[] labels = batch.labels().toArray();
            for (int i = 0; i < batch.size(); i++) {
                int example = (int) features[2 * i];
                assertEquals(10 + example, features[2 * i + 1], "second feature of example " + example);
                assertEquals(example % 3, labels[i], "label of example " + example);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameShuffle() {
        RandomSeed.set(7);
        int[] first = firstFeatures(ten.shuffle());
        RandomSeed.set(7);
        int[] second = firstFeatures(ten.shuffle());
        assertArrayEquals(first, second);
        assertArrayEquals(first, firstFeatures(ten.shuffle(new RandomGenerator(7))));
        assertNotEquals(Arrays.toString(first), Arrays.toString(firstFeatures(ten)), "it does shuffle");
        int[] sorted = first.clone();
        Arrays.sort(sorted);
        assertArrayEquals(firstFeatures(ten), sorted, "a shuffle is a permutation");
    }

    @Test
    void splitHoldsOutTheLastFractionAsKeras() {
        Dataset.Split split = ten.split(0.2);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, firstFeatures(split.train()));
        assertArrayEquals(new int[] {8, 9}, firstFeatures(split.validation()));
        // Keras: split_at = floor(10 * (1 - 0.25)) = 7.
        assertEquals(7, ten.split(0.25).train().size());
        assertEquals(3, ten.split(0.25).validation().size());
    }

    @Test
    void splitFollowsTheCurrentOrder() {
        Dataset shuffled = ten.shuffle(new RandomGenerator(3));
        int[] order = firstFeatures(shuffled);
        assertArrayEquals(Arrays.copyOfRange(order, 7, 10), firstFeatures(shuffled.split(0.3).validation()));
    }

    @Test
    void concatenatesPartsInOrder() {
        Dataset joined = Dataset.concatenate(List.of(ten.slice(8, 10), ten.slice(0, 2)));
        assertArrayEquals(new int[] {8, 9, 0, 1}, firstFeatures(joined));
        assertArrayEquals(new float[] {2, 0, 0, 1}, joined.labels().toArray());
    }

    @Test
    void badArgumentsNameTheArgumentAndValue() {
        assertMessage("features and labels must hold the same number of examples along the first axis, got shapes"
                + " (10, 2) and (9,)", () -> Dataset.of(ten.features(), Tensor.zeros(9)));
        assertMessage("validationFraction must be between 0 and 1 (exclusive), got 1.0", () -> ten.split(1.0));
        assertMessage("The dataset holds 10 examples, which is not enough to split it into training and validation"
                + " sets with validationFraction=0.95", () -> ten.split(0.95));
        assertMessage("batchSize must be positive, got 0", () -> ten.batches(0));
        assertMessage("slice [5, 11) is outside the dataset's 10 examples", () -> ten.slice(5, 11));
        assertMessage("parts[1] has features (3,) and labels (), but parts[0] has features (2,) and labels ()",
                () -> Dataset.concatenate(List.of(ten, Dataset.of(Tensor.zeros(1, 3), Tensor.zeros(1)))));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }

    /** Returns each example's first feature, which is its index in {@link #ten}. */
    private static int[] firstFeatures(Dataset dataset) {
        float[] features = dataset.features().toArray();
        int[] firsts = new int[dataset.size()];
        for (int i = 0; i < firsts.length; i++) {
            firsts[i] = (int) features[2 * i];
        }
        return firsts;
    }
}
