package org.backprop.nn.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.backprop.nn.Input;
import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.records.ConfusionMatrix;
import org.backprop.nn.records.RunRecord;
import org.backprop.nn.records.RunRecordJson;
import org.junit.jupiter.api.Test;

/** A classifier's completed fit records the confusion matrix of its validation data; other fits record none. */
class ValidationConfusionTest {
    private static final float[][] FEATURES = new float[40][2];
    private static final float[] CLASSES = new float[40];

    static {
        for (int i = 0; i < 40; i++) {
            FEATURES[i][0] = i % 3;
            FEATURES[i][1] = (i * 7) % 5;
            CLASSES[i] = i % 3;
        }
    }

    @Test
    void countsEachValidationExampleOnceByItsClassAndThePrediction() {
        RandomSeed.set(5);
        Sequential model = new Sequential(Input.shape(2), new Dense(8, "relu"), new Dense(3, "softmax"));
        model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        RunRecord record = model.fit(Tensor.of(FEATURES), Tensor.of(CLASSES), FitOptions.epochs(2).batchSize(8)
                .validationSplit(0.25).verbose(0)).runRecord();

        ConfusionMatrix matrix = record.confusionMatrix().orElseThrow();
        assertEquals(List.of("0", "1", "2"), matrix.labels());
        long[] perClass = Arrays.stream(matrix.counts()).mapToLong(row -> Arrays.stream(row).sum()).toArray();
        // validationSplit keeps the last quarter: examples 30..39, whose classes are i % 3.
        assertArrayEquals(new long[] {4, 3, 3}, perClass);
        long correct = 0;
        for (int i = 0; i < 3; i++) {
            correct += matrix.counts()[i][i];
        }
        assertEquals(record.finalMetrics().get("val_accuracy"), correct / 10.0, 1e-6,
                "the diagonal is what val_accuracy counted");
        assertEquals(record, RunRecordJson.read(RunRecordJson.write(record)));
    }

    @Test
    void countsEveryPositionOfPerTimestepLabels() {
        // Two timesteps per example, each labelled: the matrix counts timesteps, as the sparse accuracy does.
        float[][][] sequences = new float[40][2][];
        float[][] labels = new float[40][2];
        for (int i = 0; i < 40; i++) {
            sequences[i][0] = FEATURES[i];
            sequences[i][1] = FEATURES[(i + 1) % 40];
            labels[i][0] = CLASSES[i];
            labels[i][1] = CLASSES[(i + 1) % 40];
        }
        RandomSeed.set(5);
        Sequential model = new Sequential(Input.shape(2, 2), new Dense(8, "relu"), new Dense(3, "softmax"));
        model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        Tensor x = Tensor.of(sequences);
        Tensor y = Tensor.of(labels);
        RunRecord record = model.fit(x, y, FitOptions.epochs(2).batchSize(8).validationSplit(0.25).verbose(0))
                .runRecord();

        ConfusionMatrix matrix = record.confusionMatrix().orElseThrow();
        long total = 0;
        long correct = 0;
        for (int i = 0; i < 3; i++) {
            total += Arrays.stream(matrix.counts()[i]).sum();
            correct += matrix.counts()[i][i];
        }
        assertEquals(20, total, "10 validation examples of 2 timesteps");
        assertEquals(record.finalMetrics().get("val_accuracy"), correct / 20.0, 1e-6,
                "the diagonal is what val_accuracy counted");
        ConfusionMatrix all = model.confusionMatrix(x, y);
        assertEquals(80, Arrays.stream(all.counts()).flatMapToLong(Arrays::stream).sum());
    }

    @Test
    void recordsNoneForARegressionOrWithoutValidationData() {
        RandomSeed.set(5);
        Sequential regression = new Sequential(Input.shape(2), new Dense(1));
        regression.compile("sgd", "mse");
        float[][] targets = new float[40][1];
        for (int i = 0; i < 40; i++) {
            targets[i][0] = FEATURES[i][0] * 0.3f + 0.1f;
        }
        assertTrue(regression.fit(Tensor.of(FEATURES), Tensor.of(targets), FitOptions.epochs(1).validationSplit(0.25)
                .verbose(0)).runRecord().confusionMatrix().isEmpty());

        Sequential classifier = new Sequential(Input.shape(2), new Dense(3, "softmax"));
        classifier.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        assertTrue(classifier.fit(Tensor.of(FEATURES), Tensor.of(CLASSES), FitOptions.epochs(1).verbose(0))
                .runRecord().confusionMatrix().isEmpty());
    }
}
