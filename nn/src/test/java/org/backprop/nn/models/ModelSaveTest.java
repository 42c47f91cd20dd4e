package org.backprop.nn.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.Input;
import org.backprop.nn.Tensor;
import org.backprop.nn.internal.RunInternals;
import org.backprop.nn.internal.RunObserver;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.LayerNames;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.records.RunRecord;
import org.backprop.nn.saving.SavedModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Model#save(String)} hands the saved model to the runtime's observer, under a checked name. */
class ModelSaveTest {
    private final List<String> names = new ArrayList<>();
    private final List<byte[]> models = new ArrayList<>();

    @BeforeEach
    void observeSavedModels() {
        LayerNames.reset();
        RandomSeed.set(9);
        RunInternals.observe(new RunObserver() {
            @Override
            public boolean shouldTrain(String runName, List<String> tags) {
                return true;
            }

            @Override
            public void runEnded(RunRecord record) {
            }

            @Override
            public void modelSaved(String name, byte[] savedModel) {
                names.add(name);
                models.add(savedModel);
            }
        });
    }

    @AfterEach
    void stopObserving() {
        RunInternals.observe(null);
    }

    @Test
    void saveHandsTheSavedModelToTheObserver() {
        Input inputs = Input.shape(3);
        Model model = new Model(inputs, new Dense(2, "softmax").apply(new Dense(4, "relu").apply(inputs)));

        model.save("final-model_v2.1");

        assertEquals(List.of("final-model_v2.1"), names);
        Tensor x = Tensor.of(new float[][] {{1, 2, 3}, {-1, 0, 0.5f}});
        assertArrayEquals(model.predict(x).toArray(), SavedModels.fromBytes(models.get(0)).predict(x).toArray(), 0f);
    }

    @Test
    void namesThatAreNotShortPlainFileNamesAreRefused() {
        Model model = new Sequential(Input.shape(2), new Dense(1));
        for (String name : new String[] {null, "", "   ", "../grades", "a/b", "final model", ".hidden", "é",
                "x".repeat(SavedModels.MAX_NAME_LENGTH + 1)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.save(name),
                    String.valueOf(name));
            assertTrue(e.getMessage().contains("name"), e.getMessage());
        }
        model.save("x".repeat(SavedModels.MAX_NAME_LENGTH));
        assertEquals(1, names.size(), "only the valid name reached the observer");
    }

    @Test
    void aModelThatCannotBeSavedReachesNoObserver() {
        Input inputs = Input.shape(3);
        Model model = new Model(inputs, new Dense(1).apply(new homework.Doubling().apply(inputs)));
        assertThrows(IllegalArgumentException.class, () -> model.save("final"));
        assertEquals(List.of(), names);
    }
}
