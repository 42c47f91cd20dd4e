package org.backprop.nn.saving;

import static org.backprop.nn.GradientChecks.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import homework.Doubling;
import java.util.List;
import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Tensor;
import org.backprop.nn.Variable;
import org.backprop.nn.internal.TensorInternals;
import org.backprop.nn.layers.Activation;
import org.backprop.nn.layers.Add;
import org.backprop.nn.layers.BatchNormalization;
import org.backprop.nn.layers.Conv2D;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Dropout;
import org.backprop.nn.layers.Flatten;
import org.backprop.nn.layers.GlobalAveragePooling2D;
import org.backprop.nn.layers.LayerNames;
import org.backprop.nn.layers.LayerNormalization;
import org.backprop.nn.layers.MaxPooling2D;
import org.backprop.nn.layers.MultiHeadAttention;
import org.backprop.nn.layers.PositionalEmbedding;
import org.backprop.nn.layers.SeparableConv2D;
import org.backprop.nn.layers.preprocessing.RandomFlip;
import org.backprop.nn.layers.preprocessing.RandomRotation;
import org.backprop.nn.layers.preprocessing.RandomZoom;
import org.backprop.nn.layers.preprocessing.Rescaling;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.Model;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.random.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whole models through {@link SavedModels}: what goes in comes out, computing the same outputs. */
class SavedModelsTest {

    @BeforeEach
    void freshNamesAndSeed() {
        LayerNames.reset();
        RandomSeed.set(7);
    }

    /** The mini Xception of the hw-convnets starter (assignments/hw-convnets/model/ConvNet.java), all parts on. */
    static Model miniXception(int size, int classes) {
        Input inputs = Input.shape(size, size, 3);
        KerasTensor x = new RandomFlip("horizontal").apply(inputs);
        x = new RandomRotation(0.1).apply(x);
        x = new RandomZoom(0.2).apply(x);
        x = new Rescaling(1.0 / 255).apply(x);
        x = new Conv2D(8, 3).padding("same").useBias(false).apply(x);
        for (int filters : new int[] {8, 16}) {
            KerasTensor residual = x;
            for (int i = 0; i < 2; i++) {
                x = new BatchNormalization().momentum(0.9).apply(x);
                x = new Activation("relu").apply(x);
                x = new SeparableConv2D(filters, 3).padding("same").useBias(false).apply(x);
            }
            x = new MaxPooling2D(3).strides(2).padding("same").apply(x);
            residual = new Conv2D(filters, 1).strides(2).padding("same").useBias(false).apply(residual);
            x = new Add().apply(x, residual);
        }
        x = new GlobalAveragePooling2D().apply(x);
        x = new Dropout(0.5).apply(x);
        return new Model(inputs, new Dense(classes, "softmax").apply(x));
    }

    private static Tensor labels(int count, int classes) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = i % classes;
        }
        return Tensor.of(values);
    }

    @Test
    void aTrainedMiniXceptionComesBackPredictingExactlyTheSame() {
        Model model = miniXception(12, 3);
        model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
        Tensor x = random(1, 0, 255, 8, 12, 12, 3);
        model.fit(x, labels(8, 3), FitOptions.epochs(1).batchSize(4).verbose(0));
        Variable movingMean = model.layers().get(5).weights().get(2);
        assertEquals("batch_normalization/moving_mean", movingMean.name());
        assertNotEquals(0f, movingMean.value().get(0), "training moved BatchNormalization's statistics");

        byte[] bytes = SavedModels.toBytes(model);
        Model restored = SavedModels.fromBytes(bytes);

        assertEquals(Model.class, restored.getClass());
        assertEquals(model.name(), restored.name());
        assertEquals(model.summaryText(), restored.summaryText());
        assertSameValues(model.predict(x), restored.predict(x));
        assertArrayEquals(bytes, SavedModels.toBytes(restored), "the restored model saves to the same bytes");
        BatchNormalization normalization = (BatchNormalization) restored.layers().get(5);
        assertEquals(0.9, normalization.getConfig().getDouble("momentum"));
        assertEquals(List.of("max_pooling2d", "conv2d_1"), restored.inboundLayerNames(
                restored.layers().stream().filter(layer -> layer instanceof Add).findFirst().orElseThrow()));
    }

    @Test
    void aSequentialModelComesBackBuiltWithItsWeights() {
        Sequential model = new Sequential(Input.shape(4), new Dense(8, "relu"), new Dropout(0.2),
                new Dense(3, "softmax"));
        model.compile("sgd", "sparse_categorical_crossentropy");
        Tensor x = random(2, -1, 1, 6, 4);
        model.fit(x, labels(6, 3), FitOptions.epochs(2).batchSize(3).verbose(0));

        Model restored = SavedModels.fromBytes(SavedModels.toBytes(model));

        assertEquals(Sequential.class, restored.getClass());
        assertEquals("sequential", restored.name());
        assertTrue(restored.built());
        assertEquals(model.summaryText(), restored.summaryText());
        assertSameValues(model.predict(x), restored.predict(x));
    }

    @Test
    void anUnbuiltSequentialModelComesBackUnbuilt() {
        Sequential model = new Sequential(new Dense(2));
        Sequential restored = (Sequential) SavedModels.fromBytes(SavedModels.toBytes(model));
        assertFalse(restored.built());
        assertEquals(1, restored.layers().size());
        assertEquals(model.layers().get(0).getConfig(), restored.layers().get(0).getConfig());
    }

    @Test
    void sharedLayersAndAttentionKeepTheirConnections() {
        Input tokens = Input.shape(5);
        KerasTensor embedded = new PositionalEmbedding(5, 20, 8).apply(tokens);
        KerasTensor attended = new MultiHeadAttention(2, 4).apply(embedded, embedded);
        KerasTensor x = new LayerNormalization().apply(new Add().apply(embedded, attended));
        x = new Flatten().apply(x);
        Dense shared = new Dense(6, "tanh");
        KerasTensor first = shared.apply(new Dense(6).apply(x));
        // The shared layer's second call waits for a layer the file lists after it.
        KerasTensor second = shared.apply(new Dense(6, "relu").apply(first));
        Model model = new Model(tokens, new Dense(2).apply(new Add().apply(first, second)), "shared");
        Tensor ids = Tensor.of(new int[] {2, 5}, new float[] {1, 2, 3, 4, 5, 19, 0, 7, 7, 3});

        Model restored = SavedModels.fromBytes(SavedModels.toBytes(model));

        assertEquals("shared", restored.name());
        assertSameValues(model.predict(ids), restored.predict(ids));
        assertEquals(model.summaryText(), restored.summaryText());
    }

    @Test
    void aLayerOfTheStudentsOwnClassIsRefusedByName() {
        Input inputs = Input.shape(3);
        Model model = new Model(inputs, new Dense(1).apply(new Doubling().apply(inputs)));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SavedModels.toBytes(model));

        assertTrue(e.getMessage().contains("\"doubling\"") && e.getMessage().contains(Doubling.class.getName())
                && e.getMessage().contains("your own class"), e.getMessage());
    }

    @Test
    void twoLayersWithOneNameAreRefused() {
        Dense first = new Dense(2);
        Dense second = new Dense(2);
        second.setName("dense");
        Model model = new Sequential(Input.shape(2), first, second);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SavedModels.toBytes(model));
        assertTrue(e.getMessage().contains("two layers named \"dense\""), e.getMessage());
    }

    @Test
    void nnVersionFollowsThePom() throws Exception {
        String pom = java.nio.file.Files.readString(java.nio.file.Path.of("pom.xml"));
        String parent = pom.substring(pom.indexOf("<parent>"), pom.indexOf("</parent>"));
        assertTrue(parent.contains("<version>" + SavedModels.NN_VERSION + "</version>"),
                "SavedModels.NN_VERSION must follow the version in nn/pom.xml:\n" + parent);
    }

    static void assertSameValues(Tensor expected, Tensor actual) {
        assertArrayEquals(expected.shape(), actual.shape());
        assertArrayEquals(TensorInternals.values(expected), TensorInternals.values(actual), 0f);
    }
}
