package org.backprop.nn.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.backprop.nn.Input;
import org.backprop.nn.Tensor;
import org.backprop.nn.backend.DeviceLostException;
import org.backprop.nn.backend.cpu.CpuBackend;
import org.backprop.nn.callbacks.Callback;
import org.backprop.nn.internal.BackendInternals;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Dropout;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.records.RunRecord;
import org.backprop.nn.records.RunRecordJson;
import org.backprop.nn.records.RunStatus;
import org.junit.jupiter.api.Test;

/** Every fit yields a run record (DESIGN.md, "Experiments"), also when it diverges. */
class FitRunRecordTest {
    private static final Tensor X = Tensor.of(new float[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {0.5f, 0.5f}});
    private static final Tensor Y = Tensor.of(new float[][] {{0}, {1}, {1}, {0}, {1}});

    @Test
    void recordsTheRunAFitMade() {
        RandomSeed.set(77);
        Sequential model = new Sequential(Input.shape(2), new Dense(4, "relu"), new Dropout(0.1), new Dense(1, "sigmoid"));
        model.compile("adam", "binary_crossentropy", "accuracy");
        History history = model.fit(X, Y, FitOptions.epochs(3).batchSize(2).validationSplit(0.2).verbose(0)
                .runName("baseline").tags("ablation:baseline").datasetName("xor-plus"));

        RunRecord record = history.runRecord();
        assertEquals("baseline", record.name());
        assertEquals(List.of("ablation:baseline"), record.tags());
        assertEquals(77, record.seed());
        assertEquals(RunStatus.completed(), record.status());
        assertEquals("xor-plus", record.dataset().name());
        assertEquals(4, record.dataset().trainExamples());
        assertEquals(1, record.dataset().validationExamples());
        assertEquals(model.countParams(), record.model().totalParams());
        assertTrue(record.model().layers().get(1).trainingOnly(), "dropout is active only in training");
        assertEquals(history.get("val_loss"), record.history().get("val_loss"));
        assertEquals(history.get("accuracy").get(2), record.finalMetrics().get("accuracy"));
        assertEquals("cpu", record.device().backend());
        assertEquals("adam", record.optimizer().name());
        assertEquals(record, RunRecordJson.read(RunRecordJson.write(record)));
    }

    @Test
    void recordsADivergedRunWithItsMessage() {
        RandomSeed.set(1);
        Sequential model = new Sequential(Input.shape(1), new Dense(1));
        model.compile("sgd", "mse");
        TrainingDivergedException error = assertThrows(TrainingDivergedException.class, () -> model.fit(
                Tensor.of(new float[][] {{1e20f}, {-1e20f}}), Tensor.of(new float[][] {{1}, {0}}),
                FitOptions.epochs(3).verbose(0)));
        assertEquals(RunStatus.diverged(error.getMessage()), error.runRecord().status());
    }

    @Test
    void recordsARunWhoseDeviceWasLostWithTheLastEpochItFinished() {
        RandomSeed.set(1);
        Sequential model = new Sequential(Input.shape(2), new Dense(1, "sigmoid"));
        model.compile("sgd", "binary_crossentropy", "accuracy");
        LosingBackend backend = new LosingBackend();
        BackendInternals.use(backend);
        try {
            DeviceLostException error = assertThrows(DeviceLostException.class, () -> model.fit(X, Y,
                    FitOptions.epochs(5).batchSize(2).verbose(0).callbacks(new Callback() {
                        @Override
                        public void onEpochEnd(Model trained, int epoch, Map<String, Double> logs) {
                            backend.lost = epoch == 2;
                        }
                    })));
            assertEquals("The GPU device was lost: the test lost it; your run stopped after epoch 2. Run it again;"
                    + " if this keeps happening, close other GPU-heavy tabs or train with a smaller model or batch"
                    + " size.", error.getMessage());
            RunRecord record = error.runRecord();
            assertEquals(RunStatus.deviceLost(error.getMessage()), record.status());
            assertEquals(2, record.history().get("loss").size(), "the record keeps the epochs that finished");
            assertEquals(record, RunRecordJson.read(RunRecordJson.write(record)));
        } finally {
            BackendInternals.use(new CpuBackend());
        }
    }

    /** The CPU backend, whose "device" is lost from the step after {@code lost} is set. */
    private static final class LosingBackend extends CpuBackend {
        boolean lost;

        @Override
        public void beginStep() {
            if (lost) {
                throw new DeviceLostException("the test lost it");
            }
            super.beginStep();
        }
    }
}
