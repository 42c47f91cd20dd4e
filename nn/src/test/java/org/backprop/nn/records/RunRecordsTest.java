package org.backprop.nn.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.backprop.nn.Input;
import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Dropout;
import org.backprop.nn.layers.LayerNames;
import org.backprop.nn.losses.BinaryCrossentropy;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.History;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.optim.Adam;
import org.backprop.nn.optim.SGD;
import org.backprop.nn.optim.schedules.ExponentialDecay;
import org.backprop.nn.random.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunRecordsTest {

    @BeforeEach
    void freshNamesAndSeed() {
        LayerNames.reset();
        RandomSeed.set(42);
    }

    @Test
    void describesABuiltModelAsKerasSummaryDoes() {
        Dense frozen = new Dense(9, "relu");
        Sequential model = new Sequential(Input.shape(6), frozen, new Dropout(0.5), new Dense(8));
        frozen.setTrainable(false);
        assertEquals(new ModelGraph("sequential", List.of(6), List.of(
                new LayerRecord("dense", "Dense", List.of(9), 0, 63, false, List.of("input_layer")),
                new LayerRecord("dropout", "Dropout", List.of(9), 0, 0, true, List.of("dense")),
                new LayerRecord("dense_1", "Dense", List.of(8), 80, 0, false, List.of("dropout")))),
                RunRecords.describe(model));
        assertEquals(143, RunRecords.describe(model).totalParams());
        assertEquals(80, RunRecords.describe(model).trainableParams());
    }

    @Test
    void refusesAModelThatIsNotBuilt() {
        Sequential model = new Sequential(new Dense(2));
        assertEquals("Model \"sequential\" is not built yet: give it an Input, or call it on data, before describing it"
                + " for a run record.", assertThrows(IllegalArgumentException.class, () -> RunRecords.describe(model))
                .getMessage());
    }

    @Test
    void recordsAFitAndReadsItBack() {
        Sequential model = new Sequential(Input.shape(2), new Dense(4, "tanh"), new Dense(1, "sigmoid"));
        Adam adam = new Adam(0.01);
        BinaryCrossentropy loss = new BinaryCrossentropy(false);
        model.compile(adam, loss, "accuracy");
        Tensor x = Tensor.of(new float[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}});
        Tensor y = Tensor.of(new float[][] {{0}, {1}, {1}, {0}});
        History history = model.fit(x, y, FitOptions.epochs(3).batchSize(4).verbose(0));

        RunRecord record = RunRecord.builder("xor", RandomSeed.get(), RunRecords.describe(model))
                .dataset(new DatasetRecord("xor", "none", 4, 0, 0))
                .optimizer(RunRecords.optimizer(adam))
                .loss(RunRecords.loss(loss))
                .history(RunRecords.history(history))
                .finalMetrics(model.evaluate(x, y))
                .device(new Device("cpu", "JVM"))
                .build();

        assertEquals(new ComponentConfig("adam", Map.of("learning_rate", 0.01)), record.optimizer());
        assertEquals(ComponentConfig.of("binary_crossentropy"), record.loss());
        assertEquals(List.of("loss", "accuracy"), List.copyOf(record.history().keySet()));
        assertEquals(history.get("loss"), record.history().get("loss"));
        assertEquals(record, RunRecordJson.read(RunRecordJson.write(record)));
    }

    @Test
    void recordsAScheduleByKerassClassNameAndSettings() {
        ComponentConfig config = RunRecords.optimizer(new SGD(new ExponentialDecay(100.0, 100, 0.96)));
        assertEquals(new ComponentConfig("sgd", Map.of("learning_rate", "ExponentialDecay",
                "learning_rate.initial_learning_rate", 100.0, "learning_rate.decay_steps", 100,
                "learning_rate.decay_rate", 0.96, "learning_rate.staircase", false)), config);
    }
}
