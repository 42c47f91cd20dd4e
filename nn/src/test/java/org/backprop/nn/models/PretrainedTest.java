package org.backprop.nn.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Tensor;
import org.backprop.nn.data.store.PretrainedRef;
import org.backprop.nn.internal.DatasetInternals;
import org.backprop.nn.internal.FolderDatasetSource;
import org.backprop.nn.internal.TensorInternals;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.LayerNames;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.saving.SavedModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Pretrained#load} through the folder layout the grader's sandbox uses. */
class PretrainedTest {
    @TempDir
    Path root;

    private Model published;

    @BeforeEach
    void publish() throws IOException, NoSuchAlgorithmException {
        LayerNames.reset();
        RandomSeed.set(7);
        Input inputs = Input.shape(4);
        KerasTensor x = new Dense(3, "relu").apply(inputs);
        published = new Model(inputs, new Dense(2).apply(x), "tiny_base");
        byte[] bytes = SavedModels.toBytes(published);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        Path folder = Files.createDirectories(root.resolve("pretrained"));
        Files.write(folder.resolve(sha256 + ".bpm"), bytes);
        Files.writeString(folder.resolve("tiny.json"), new PretrainedRef("tiny", "1.0.0", sha256, bytes.length)
                .toJson(), StandardCharsets.UTF_8);
        DatasetInternals.use(new FolderDatasetSource(root));
    }

    @AfterEach
    void uninstall() {
        DatasetInternals.use(null);
    }

    @Test
    void loadsThePublishedModelByNameAndByVersion() {
        Tensor x = Tensor.of(new float[][] {{1, 2, 3, 4}, {-1, 0, 0.5f, 2}});
        for (String reference : new String[] {"tiny", "tiny:1.0.0"}) {
            Model loaded = Pretrained.load(reference);
            assertEquals(published.countParams(), loaded.countParams());
            assertArrayEquals(TensorInternals.values(published.predict(x)), TensorInternals.values(loaded.predict(x)),
                    0f, reference);
        }
    }

    @Test
    void eachLoadIsAModelOfItsOwn() {
        Model first = Pretrained.load("tiny");
        Model second = Pretrained.load("tiny");
        first.weights().get(0).assign(Tensor.of(new int[] {4, 3}, new float[12]));
        Tensor x = Tensor.of(new float[][] {{1, 2, 3, 4}});
        assertArrayEquals(TensorInternals.values(published.predict(x)), TensorInternals.values(second.predict(x)), 0f);
    }

    @Test
    void namesWhatThereIsWhenTheCourseHasNoSuchModel() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Pretrained.load("vgg16"));
        assertEquals("There is no pretrained model vgg16; there are tiny 1.0.0", missing.getMessage());
        IllegalArgumentException otherVersion = assertThrows(IllegalArgumentException.class,
                () -> Pretrained.load("tiny:2.0.0"));
        assertEquals("There is no pretrained model tiny:2.0.0; there are tiny 1.0.0", otherVersion.getMessage());
    }

    @Test
    void refusesMalformedNamesAndRuntimesWithoutModels() {
        IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class,
                () -> Pretrained.load("../vgg16"));
        assertEquals("\"../vgg16\" is not a pretrained model name: use letters, digits, '_', '-' and '.', with an"
                + " optional \":version\", e.g. \"vgg16\" or \"vgg16:1.0.0\".", malformed.getMessage());
        DatasetInternals.use(null);
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> Pretrained.load("tiny"));
        assertEquals("This runtime provides no pretrained models: run the program from the course's editor or the"
                + " grader to load tiny.", none.getMessage());
    }
}
