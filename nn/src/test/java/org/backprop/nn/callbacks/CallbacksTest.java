package org.backprop.nn.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.Input;
import org.backprop.nn.Tensor;
import org.backprop.nn.io.WeightsFormat;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.History;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.random.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallbacksTest {
    // y = 2x + 1 for training; the validation targets are its negation, so fitting the training data soon
    // makes the validation loss worse, as overfitting would.
    private static final Tensor X = Tensor.of(new float[][] {{0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}});
    private static final Tensor Y = Tensor.of(new float[][] {{1}, {3}, {5}, {7}, {9}, {11}, {13}, {15}});
    private Sequential model;

    @BeforeEach
    void freshModel() {
        RandomSeed.set(4);
        model = new Sequential(Input.shape(1), new Dense(1));
        model.compile("adam", "mse");
    }

    @Test
    void earlyStoppingStopsOnceValidationLossStopsImproving() {
        EarlyStopping stopping = EarlyStopping.onValidationLoss(2).restoreBestWeights(true);
        Tensor validationX = Tensor.of(new float[][] {{2}, {3}});
        Tensor validationY = Tensor.of(new float[][] {{-5}, {-7}});
        History history = model.fit(X, Y, FitOptions.epochs(200).verbose(0)
                .validationData(validationX, validationY).callbacks(stopping));

        assertTrue(history.epochs() < 200, () -> "stopped after " + history.epochs() + " epochs");
        assertEquals(history.epochs(), stopping.stoppedEpoch());
        assertEquals(stopping.bestEpoch() + 3, stopping.stoppedEpoch(), "patience 2: three epochs without improvement");
        double best = history.get("val_loss").get(stopping.bestEpoch() - 1);
        assertEquals(best, model.evaluate(validationX, validationY).get("loss"), 1e-4, "best weights restored");
    }

    @Test
    void modelCheckpointKeepsTheWeightsOfImprovingEpochs() {
        List<Integer> savedEpochs = new ArrayList<>();
        List<byte[]> saved = new ArrayList<>();
        ModelCheckpoint checkpoint = new ModelCheckpoint((epoch, weights) -> {
            savedEpochs.add(epoch);
            saved.add(weights);
        }).monitor("loss").saveBestOnly(true);
        model.fit(X, Y, FitOptions.epochs(5).batchSize(8).shuffle(false).verbose(0).callbacks(checkpoint));

        assertEquals(List.of(1, 2, 3, 4, 5), savedEpochs, "the training loss falls every epoch here");
        WeightsFormat.read(saved.get(4), model.weights());
    }

    @Test
    void learningRateSchedulerSetsTheRateEachEpoch() {
        List<Double> rates = new ArrayList<>();
        model.fit(X, Y, FitOptions.epochs(3).verbose(0).callbacks(
                new LearningRateScheduler((epoch, current) -> 0.1 / epoch),
                new Callback() {
                    @Override
                    public void onEpochBegin(org.backprop.nn.models.Model m, int epoch) {
                        rates.add((double) m.optimizer().learningRate());
                    }
                }));
        assertEquals(0.1, rates.get(0), 1e-7);
        assertEquals(0.05, rates.get(1), 1e-7);
        assertEquals(0.1 / 3, rates.get(2), 1e-7);
    }

    @Test
    void explainsAMonitoredMetricThatIsNotLogged() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> model.fit(X, Y,
                FitOptions.epochs(2).verbose(0).callbacks(EarlyStopping.onValidationLoss(1))));
        assertEquals("the monitored metric \"val_loss\" is not in the logs; they have [loss] (val_ metrics need"
                + " validation data)", error.getMessage());
    }
}
