package org.backprop.server.pretrained.keras;

import static org.backprop.server.pretrained.keras.KerasFiles.batchNormalization;
import static org.backprop.server.pretrained.keras.KerasFiles.conv2d;
import static org.backprop.server.pretrained.keras.KerasFiles.dense;
import static org.backprop.server.pretrained.keras.KerasFiles.flatten;
import static org.backprop.server.pretrained.keras.KerasFiles.inputLayer;
import static org.backprop.server.pretrained.keras.KerasFiles.layer;
import static org.backprop.server.pretrained.keras.KerasFiles.map;
import static org.backprop.server.pretrained.keras.KerasFiles.maxPooling2d;
import static org.backprop.server.pretrained.keras.KerasFiles.sequential;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backprop.nn.Input;
import org.backprop.nn.Shapes;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Tensor;
import org.backprop.nn.applications.VGG16;
import org.backprop.nn.layers.Activation;
import org.backprop.nn.layers.BatchNormalization;
import org.backprop.nn.layers.Concatenate;
import org.backprop.nn.layers.Conv2D;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Flatten;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.layers.LayerNames;
import org.backprop.nn.layers.MaxPooling2D;
import org.backprop.nn.models.Model;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.random.RandomGenerator;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.saving.SavedModels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Imports {@code .keras} files that {@link KerasFiles} writes as Keras 3 does and checks that the saved model computes
 * what nn computes from the same weights, and that damaged, hostile and unsupported files fail with messages that say
 * why.
 */
class KerasArchiveImporterTest {
    private final KerasArchiveImporter importer = new KerasArchiveImporter();

    @BeforeEach
    void freshNamesAndSeed() {
        LayerNames.reset();
        RandomSeed.set(7);
    }

    @Test
    void aTinyDenseModelComputesHandCheckedNumbers() throws IOException {
        // keras.Sequential([keras.Input((2,)), layers.Dense(1)]) with kernel [[2], [3]] and bias [1].
        Map<String, Object> config = sequential("tiny", true, List.of(inputLayer("input_layer", 2),
                layer("Dense", dense("dense", 1, "linear"))));
        byte[] file = KerasFiles.archive(config, Map.of("layers/dense",
                List.of(Tensor.of(new float[][] {{2}, {3}}), Tensor.of(new float[] {1}))));

        Model model = SavedModels.fromBytes(importer.toSavedModel(new ByteArrayInputStream(file)));

        assertTrue(model instanceof Sequential, "a Sequential file gives a Sequential model");
        assertEquals("tiny", model.name());
        // 2·1 + 3·1 + 1 = 6 and 2·0.5 + 3·(−2) + 1 = −4
        assertArrayEquals(new float[] {6, -4}, model.predict(Tensor.of(new float[][] {{1, 1}, {0.5f, -2}}))
                .toArray());
    }

    @Test
    void regularizersInTheConfigAreAcceptedAndLeftOutOfTheLoadedModel() throws IOException {
        // layers.Dense(1, kernel_regularizer=regularizers.l2(0.002), activity_regularizer="l1"), as Keras 3 saves it.
        Map<String, Object> dense = dense("dense", 1, "linear");
        dense.put("kernel_regularizer", map("module", "keras.regularizers", "class_name", "L2", "config",
                map("l2", 0.0020000000949949026), "registered_name", null));
        dense.put("activity_regularizer", map("module", "keras.regularizers", "class_name", "L1", "config",
                map("l1", 0.01), "registered_name", null));
        Map<String, Object> config = sequential("regularized", true, List.of(inputLayer("input_layer", 2),
                layer("Dense", dense)));
        byte[] file = KerasFiles.archive(config, Map.of("layers/dense",
                List.of(Tensor.of(new float[][] {{2}, {3}}), Tensor.of(new float[] {1}))));

        Model model = SavedModels.fromBytes(importer.toSavedModel(new ByteArrayInputStream(file)));

        assertArrayEquals(new float[] {6}, model.predict(Tensor.of(new float[][] {{1, 1}})).toArray());
        assertTrue(model.losses().isEmpty(), "a pretrained model is loaded without its training penalties");
    }

    @Test
    void aSmallConvnetWithBatchNormalizationComputesWhatNnComputes() throws IOException {
        Model direct = smallConvnet();
        randomizeStatistics(direct);
        Map<String, List<Tensor>> weights = new LinkedHashMap<>();
        String[] paths = {"layers/conv2d", "layers/batch_normalization", "layers/max_pooling2d", "layers/conv2d_1",
            "layers/flatten", "layers/dense"};
        for (int i = 0; i < paths.length; i++) {
            weights.put(paths[i], direct.layers().get(i).getWeights());
        }
        KerasFiles.Functional graph = new KerasFiles.Functional("input_layer", 8, 8, 3)
                .add("Conv2D", conv2d("conv2d", 4, 3, "relu", "same"), "input_layer")
                .add("BatchNormalization", batchNormalization("batch_normalization", true), "conv2d")
                .add("MaxPooling2D", maxPooling2d("max_pooling2d"), "batch_normalization")
                .add("Conv2D", conv2d("conv2d_1", 5, 3, "relu", "valid"), "max_pooling2d")
                .add("Flatten", flatten("flatten"), "conv2d_1")
                .add("Dense", dense("dense", 3, "softmax"), "flatten");
        byte[] file = KerasFiles.archive(graph.model("convnet", true, "dense"), weights);

        Model imported = SavedModels.fromBytes(importer.toSavedModel(new ByteArrayInputStream(file)));

        assertEquals(names(direct), names(imported));
        Tensor images = random(2, 8, 8, 3);
        assertArrayEquals(direct.predict(images).toArray(), imported.predict(images).toArray());
        assertEquals(direct.countParams(), imported.countParams());
    }

    @Test
    void aNestedSequentialIsOpenedUpAndKeepsItsFrozenFlag() throws IOException {
        // inputs = keras.Input((6, 6, 2)); x = block(inputs) with block = keras.Sequential([Conv2D, BN]) frozen;
        // outputs = layers.Dense(2)(layers.Flatten()(x))
        Input inputs = Input.shape(6, 6, 2);
        Conv2D conv = named(new Conv2D(3, 3, "relu"), "conv2d");
        BatchNormalization norm = named(new BatchNormalization(), "batch_normalization");
        Dense head = named(new Dense(2), "dense");
        Model direct = new Model(inputs, head.apply(named(new Flatten(), "flatten").apply(norm.apply(
                conv.apply(inputs)))));
        randomizeStatistics(direct);
        Map<String, List<Tensor>> weights = new LinkedHashMap<>();
        weights.put("layers/sequential/layers/conv2d", conv.getWeights());
        weights.put("layers/sequential/layers/batch_normalization", norm.getWeights());
        weights.put("layers/flatten", List.of());
        weights.put("layers/dense", head.getWeights());
        Map<String, Object> block = sequential("block", false, List.of(
                layer("Conv2D", conv2d("conv2d", 3, 3, "relu", "valid")),
                layer("BatchNormalization", batchNormalization("batch_normalization", true))));
        KerasFiles.Functional graph = new KerasFiles.Functional("input_layer", 6, 6, 2)
                .add(block, "block", "input_layer")
                .add("Flatten", flatten("flatten"), "block")
                .add("Dense", dense("dense", 2, "linear"), "flatten");
        byte[] file = KerasFiles.archive(graph.model("outer", true, "dense"), weights);

        Model imported = importer.toModel(new ByteArrayInputStream(file));

        assertEquals(List.of("conv2d", "batch_normalization", "flatten", "dense"), names(imported));
        assertFalse(imported.layers().get(0).trainable(), "the frozen block's layers are frozen");
        assertFalse(imported.layers().get(1).trainable());
        assertTrue(imported.layers().get(3).trainable());
        assertEquals(48 * 2 + 2, imported.countParams() - imported.layers().get(0).countParams()
                - imported.layers().get(1).countParams());
        Tensor x = random(3, 6, 6, 2);
        assertArrayEquals(direct.predict(x).toArray(), imported.predict(x).toArray());
        assertArrayEquals(imported.call(x, false).toArray(), imported.call(x, true).toArray(),
                "the frozen BatchNormalization runs in inference mode");
    }

    @Test
    void aVgg16FileComputesWhatNnsVgg16ComputesWithItsWeights() throws IOException {
        // keras.applications.VGG16(weights=None, input_shape=(32, 32, 3), classes=10) saved with model.save
        Model direct = VGG16.builder().inputShape(32, 32, 3).classes(10).build();
        Map<String, List<Tensor>> weights = new LinkedHashMap<>();
        KerasFiles.Functional graph = new KerasFiles.Functional("input_layer", 32, 32, 3);
        String previous = "input_layer";
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Layer layer : direct.layers()) {
            String name = layer.name();
            String className = layer.typeName();
            Map<String, Object> config = switch (className) {
                case "Conv2D" -> conv2d(name, layer.getWeights().get(1).size(), 3, "relu", "same");
                case "MaxPooling2D" -> maxPooling2d(name);
                case "Flatten" -> flatten(name);
                default -> dense(name, layer.getWeights().get(1).size(), name.equals("predictions") ? "softmax"
                        : "relu");
            };
            graph.add(className, config, previous);
            int count = counts.merge(className, 1, Integer::sum) - 1;
            String snake = KerasGraph.snakeCase(className);
            weights.put("layers/" + (count == 0 ? snake : snake + "_" + count), layer.getWeights());
            previous = name;
        }
        assertTrue(weights.containsKey("layers/conv2d_12") && weights.containsKey("layers/max_pooling2d_4")
                && weights.containsKey("layers/dense_2"), weights.keySet().toString());
        byte[] file = KerasFiles.archive(graph.model("vgg16", true, "predictions"), weights);

        Model imported = SavedModels.fromBytes(importer.toSavedModel(new ByteArrayInputStream(file)));

        assertEquals(names(direct), names(imported));
        assertEquals(direct.countParams(), imported.countParams());
        Tensor images = VGG16.preprocessInput(random(2, 32, 32, 3).add(0.5f).mul(255));
        assertArrayEquals(direct.predict(images).toArray(), imported.predict(images).toArray());
    }

    @Test
    void anInceptionBlockWithKerassChannelAxisComputesWhatNnComputes() throws IOException {
        // Two of keras.applications.inception_v3's conv2d_bn branches, 1×3 and 3×1, joined by
        // layers.concatenate(..., axis=3, name="mixed0"): Conv2D without bias, BatchNormalization(axis=3, scale=False).
        Input inputs = Input.shape(6, 6, 3);
        KerasTensor wide = convBn(inputs, 4, 1, 3);
        KerasTensor tall = convBn(inputs, 5, 3, 1);
        Model direct = new Model(inputs, named(new Concatenate(3), "mixed0").apply(wide, tall), "inception_block");
        Map<String, List<Tensor>> weights = new LinkedHashMap<>();
        KerasFiles.Functional graph = new KerasFiles.Functional("input_layer", 6, 6, 3);
        for (String suffix : List.of("", "_1")) {
            Layer norm = direct.getLayer("batch_normalization" + suffix);
            int channels = norm.getWeights().get(0).size();
            norm.setWeights(random(channels), random(channels), random(channels).mul(0.5f).add(1));
            Layer conv = direct.getLayer("conv2d" + suffix);
            int[] kernel = conv.getWeights().get(0).shape();
            Map<String, Object> convConfig = conv2d("conv2d" + suffix, kernel[3], 3, "linear", "same");
            convConfig.put("kernel_size", List.of(kernel[0], kernel[1]));
            convConfig.put("use_bias", false);
            Map<String, Object> normConfig = batchNormalization("batch_normalization" + suffix, true);
            normConfig.put("axis", 3);
            normConfig.put("scale", false);
            graph.add("Conv2D", convConfig, "input_layer")
                    .add("BatchNormalization", normConfig, "conv2d" + suffix)
                    .add("Activation", map("name", "activation" + suffix, "trainable", true, "dtype",
                            KerasFiles.dtype(), "activation", "relu"), "batch_normalization" + suffix);
            weights.put("layers/conv2d" + suffix, conv.getWeights());
            weights.put("layers/batch_normalization" + suffix, norm.getWeights());
        }
        graph.add("Concatenate", map("name", "mixed0", "trainable", true, "dtype", KerasFiles.dtype(), "axis", 3),
                "activation", "activation_1");
        byte[] file = KerasFiles.archive(graph.model("inception_block", true, "mixed0"), weights);

        Model imported = SavedModels.fromBytes(importer.toSavedModel(new ByteArrayInputStream(file)));

        assertEquals(names(direct), names(imported));
        assertEquals(1 * 3 * 3 * 4 + 3 * 4 + 3 * 1 * 3 * 5 + 3 * 5, imported.countParams(), "no biases, no gammas");
        Tensor images = random(2, 6, 6, 3);
        assertArrayEquals(direct.predict(images).toArray(), imported.predict(images).toArray());
    }

    /** inception_v3.conv2d_bn without its name: Keras's automatic names in a fresh session. */
    private static KerasTensor convBn(KerasTensor x, int filters, int rows, int columns) {
        KerasTensor y = new Conv2D(filters, rows, columns).padding("same").useBias(false).apply(x);
        y = new BatchNormalization().axis(3).scale(false).apply(y);
        return new Activation("relu").apply(y);
    }

    @Test
    void aSequentialInASequentialCountsLayersPerModel() throws IOException {
        // keras.Sequential([keras.Input((2,)), keras.Sequential([layers.Dense(3)]), layers.Dense(1)]): the outer
        // Dense is the first Dense of the outer model, so Keras files it under layers/dense.
        Map<String, Object> config = sequential("outer", true, List.of(inputLayer("input_layer", 2),
                sequential("inner", true, List.of(layer("Dense", dense("dense", 3, "relu")))),
                layer("Dense", dense("dense_1", 1, "linear"))));
        Tensor innerKernel = Tensor.of(new float[][] {{1, 0, -1}, {0, 1, 1}});
        Tensor outerKernel = Tensor.of(new float[][] {{1}, {10}, {100}});
        byte[] file = KerasFiles.archive(config, Map.of(
                "layers/sequential/layers/dense", List.of(innerKernel, Tensor.of(new float[] {0, 0, 0.5f})),
                "layers/dense", List.of(outerKernel, Tensor.of(new float[] {2}))));

        Model model = SavedModels.fromBytes(importer.toSavedModel(new ByteArrayInputStream(file)));

        assertEquals(List.of("dense", "dense_1"), names(model));
        // x = (1, 2): inner relu(1, 2, 1 + 0.5) = (1, 2, 1.5); outer 1 + 20 + 150 + 2 = 173
        assertArrayEquals(new float[] {173}, model.predict(Tensor.of(new float[][] {{1, 2}})).toArray());
    }

    @Test
    void aSequentialHoldingAFunctionalModelBecomesAFunctionalModel() throws IOException {
        // keras.Sequential([conv_base, layers.Flatten(), layers.Dense(1)]) with conv_base a frozen Functional model
        Input inputs = Input.shape(5, 5, 2);
        Conv2D conv = named(new Conv2D(2, 3, "relu"), "conv2d");
        Dense head = named(new Dense(1, "sigmoid"), "dense");
        Model direct = new Model(inputs, head.apply(named(new Flatten(), "flatten").apply(conv.apply(inputs))));
        Map<String, Object> convBase = new KerasFiles.Functional("input_layer", 5, 5, 2)
                .add("Conv2D", conv2d("conv2d", 2, 3, "relu", "valid"), "input_layer")
                .model("conv_base", false, "conv2d");
        Map<String, Object> config = sequential("classifier", true, List.of(convBase,
                layer("Flatten", flatten("flatten")), layer("Dense", dense("dense", 1, "sigmoid"))));
        @SuppressWarnings("unchecked")
        Map<String, Object> sequentialConfig = (Map<String, Object>) config.get("config");
        sequentialConfig.put("build_input_shape", Arrays.asList(null, 5, 5, 2));
        byte[] file = KerasFiles.archive(config, Map.of("layers/functional/layers/conv2d", conv.getWeights(),
                "layers/dense", head.getWeights()));

        Model imported = importer.toModel(new ByteArrayInputStream(file));

        assertFalse(imported instanceof Sequential);
        assertEquals("classifier", imported.name());
        assertEquals(List.of("conv2d", "flatten", "dense"), names(imported));
        assertFalse(imported.layers().get(0).trainable(), "conv_base was frozen");
        Tensor x = random(2, 5, 5, 2);
        assertArrayEquals(direct.predict(x).toArray(), imported.predict(x).toArray());
    }

    @Test
    void refusesALayerNnDoesNotHaveByName() throws IOException {
        Map<String, Object> config = sequential("padded", true, List.of(inputLayer("input_layer", 4, 4, 1),
                layer("ZeroPadding2D", map("name", "zero_padding2d", "trainable", true, "dtype", KerasFiles.dtype(),
                        "padding", List.of(List.of(1, 1), List.of(1, 1)), "data_format", "channels_last"))));
        String message = failure(KerasFiles.archive(config, Map.of("layers/zero_padding2d", List.of())));
        assertTrue(message.startsWith("Cannot import the Keras model: layer 'zero_padding2d' (ZeroPadding2D) is not"
                + " supported by nn; nn imports Activation, Add, "), message);
        assertFalse(message.contains("LSTM"), "the list leaves out what the importer refuses: " + message);

        Map<String, Object> recurrent = sequential("recurrent", true, List.of(inputLayer("input_layer", 5, 2),
                layer("LSTM", map("name", "lstm", "units", 3))));
        assertEquals("Cannot import the Keras model: layer 'lstm' (LSTM) cannot be imported: Keras keeps its weights"
                + " in a sub-layer (cell) whose layout the importer does not read",
                failure(KerasFiles.archive(recurrent, Map.of())));
    }

    @Test
    void refusesASettingNnCannotHonourByName() throws IOException {
        Map<String, Object> dilated = conv2d("conv2d", 2, 3, "relu", "valid");
        dilated.put("dilation_rate", List.of(2, 2));
        Map<String, Object> config = sequential("dilated", true, List.of(inputLayer("input_layer", 8, 8, 1),
                layer("Conv2D", dilated)));
        String message = failure(KerasFiles.archive(config, Map.of()));
        assertTrue(message.contains("Layer \"conv2d\" (Conv2D) cannot be rebuilt from its config: it has a setting"
                + " \"dilation_rate\" that this version of nn does not know"), message);
    }

    @Test
    void refusesWeightsOfTheWrongShapeNamingTheLayer() throws IOException {
        Map<String, Object> config = sequential("tiny", true, List.of(inputLayer("input_layer", 2),
                layer("Dense", dense("dense", 1, "linear"))));
        byte[] file = KerasFiles.archive(config, Map.of("layers/dense",
                List.of(Tensor.zeros(3, 1), Tensor.zeros(1))));
        assertEquals("Cannot import the Keras model: weight 0 of layer 'dense' (Dense) has shape (3, 1) in"
                + " model.weights.h5 but (2, 1) in nn", failure(file));
        byte[] missing = KerasFiles.archive(config, Map.of());
        assertEquals("Cannot import the Keras model: model.weights.h5 holds 0 weights for layer 'dense' (Dense) at"
                + " layers/dense/vars, but the layer has 2", failure(missing));
    }

    @Test
    void refusesFilesThatAreNotKerasArchives() throws IOException {
        assertEquals("Cannot import the Keras model: the file is not a .keras archive: it is empty or not a zip file",
                failure("not a zip at all".getBytes()));
        byte[] file = KerasFiles.archive(sequential("tiny", true, List.of(inputLayer("input_layer", 2),
                layer("Dense", dense("dense", 1, "linear")))), Map.of());
        byte[] cut = Arrays.copyOf(file, file.length / 2);
        assertTrue(failure(cut).startsWith("Cannot import the Keras model: "), failure(cut));
        assertEquals("Cannot import the Keras model: the archive has no model.weights.h5; save the model with Keras"
                + " 3's model.save(\"name.keras\")", failure(KerasFiles.zip(Map.of("config.json", "{}".getBytes()))));
        assertTrue(failure(KerasFiles.zip(Map.of("config.json", "{}".getBytes(), "model.weights.h5",
                "not hdf5".getBytes()))).contains("config.json.class_name must be a string"));
        Map<String, byte[]> keras2 = new LinkedHashMap<>();
        keras2.put("metadata.json", "{\"keras_version\": \"2.15.0\"}".getBytes());
        keras2.put("config.json", "{}".getBytes());
        keras2.put("model.weights.h5", new byte[8]);
        assertEquals("Cannot import the Keras model: the file was saved by Keras 2.15.0; nn imports files saved by"
                + " Keras 3", failure(KerasFiles.zip(keras2)));
    }

    @Test
    void refusesHostileFilesBeforeTheyExhaustTheServer() throws IOException {
        KerasLimits small = new KerasLimits(8, 64 * 1024, 1024 * 1024, 1024, 32, 100);
        KerasArchiveImporter strict = new KerasArchiveImporter(small);
        // A zip bomb: 64 MiB of zeros compress to about 64 KiB.
        byte[] bomb = KerasFiles.zip(Map.of("config.json", "{}".getBytes(), "model.weights.h5",
                new byte[64 * 1024 * 1024]));
        assertTrue(bomb.length < 1024 * 1024);
        assertEquals("Cannot import the Keras model: entry model.weights.h5 of the archive unpacks to more than"
                + " 1048576 bytes, more than a .keras file may hold here", failure(strict, bomb));

        String deep = "[".repeat(1000) + "]".repeat(1000);
        String message = failure(strict, KerasFiles.zip(Map.of("config.json", ("{\"a\": " + deep + "}").getBytes(),
                "model.weights.h5", new byte[8])));
        assertTrue(message.startsWith("Cannot import the Keras model: config.json is not valid JSON: Document nesting"
                + " depth (33) exceeds the maximum allowed (32"), message);

        Map<String, Object> huge = sequential("huge", true, List.of(inputLayer("input_layer", 1000),
                layer("Dense", dense("dense", 2_000_000_000, "linear"))));
        message = failure(KerasFiles.archive(huge, Map.of()));
        assertTrue(message.startsWith("Cannot import the Keras model: "), message);
        assertTrue(message.contains("model.weights.h5"), "the budget names the weights file: " + message);

        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 9; i++) {
            many.put("assets/" + i, new byte[1]);
        }
        assertEquals("Cannot import the Keras model: the archive has more than 8 entries",
                failure(strict, KerasFiles.zip(many)));
    }

    private String failure(byte[] file) {
        return failure(importer, file);
    }

    private static String failure(KerasArchiveImporter importer, byte[] file) {
        return assertThrows(IllegalArgumentException.class,
                () -> importer.toSavedModel(new ByteArrayInputStream(file))).getMessage();
    }

    /** conv2d(4, same) → batch_normalization → max_pooling2d → conv2d_1(5) → flatten → dense(3, softmax). */
    private static Model smallConvnet() {
        Input inputs = Input.shape(8, 8, 3);
        KerasTensor x = named(new Conv2D(4, 3, "relu").padding("same"), "conv2d").apply(inputs);
        x = named(new BatchNormalization(), "batch_normalization").apply(x);
        x = named(new MaxPooling2D(2).strides(2), "max_pooling2d").apply(x);
        x = named(new Conv2D(5, 3, "relu"), "conv2d_1").apply(x);
        x = named(new Flatten(), "flatten").apply(x);
        return new Model(inputs, named(new Dense(3, "softmax"), "dense").apply(x), "convnet");
    }

    /** Gives every BatchNormalization non-trivial moving statistics, so that the test sees them used. */
    static void randomizeStatistics(Model model) {
        for (Layer layer : model.layers()) {
            if (layer instanceof BatchNormalization) {
                int channels = layer.getWeights().get(0).size();
                layer.setWeights(random(channels).add(1), random(channels), random(channels),
                        random(channels).mul(0.5f).add(1));
            }
        }
    }

    private static long seed = 17;

    /** Returns values in [−0.5, 0.5), from a new seed each call so that no two tensors are alike. */
    static Tensor random(int... shape) {
        RandomGenerator random = new RandomGenerator(seed++);
        float[] values = new float[Shapes.size(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble() - 0.5f;
        }
        return Tensor.of(shape, values);
    }

    static <L extends Layer> L named(L layer, String name) {
        layer.setName(name);
        return layer;
    }

    static List<String> names(Model model) {
        List<String> names = new ArrayList<>();
        for (Layer layer : model.layers()) {
            names.add(layer.name());
        }
        return names;
    }
}
