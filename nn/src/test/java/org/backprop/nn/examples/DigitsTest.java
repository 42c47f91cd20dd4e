package org.backprop.nn.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.backprop.nn.backend.Backend;
import org.backprop.nn.backend.Backends;
import org.backprop.nn.backend.cpu.CpuBackend;
import org.backprop.nn.data.Dataset;
import org.backprop.nn.internal.BackendInternals;
import org.backprop.nn.models.History;
import org.backprop.nn.records.RunStatus;
import org.junit.jupiter.api.Test;

/** The bar: the Digits convnet reaches 97% validation accuracy on real digits from a fixed seed (CPU). */
class DigitsTest {

    @Test
    void reachesNinetySevenPercentValidationAccuracy() throws Exception {
        Dataset digits = Digits.load(Path.of(System.getProperty("backprop.nodeModules")));
        assertEquals(10_000, digits.size());

        Backend previous = Backends.current();
        History history;
        try {
            BackendInternals.use(CpuBackend.multiThreaded());
            history = Digits.train(digits, Digits.EPOCHS);
        } finally {
            BackendInternals.use(previous);
        }

        List<Double> accuracy = history.get("val_accuracy");
        double last = accuracy.get(accuracy.size() - 1);
        assertTrue(last >= 0.97, () -> "validation accuracy " + last + " after " + Digits.EPOCHS + " epochs: " + accuracy);
        assertEquals(RunStatus.completed(), history.runRecord().status());
        assertEquals(2_000, history.runRecord().dataset().validationExamples());
    }
}
