package org.backprop.nn.saving;

import static org.backprop.nn.GradientChecks.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.backprop.nn.Tensor;
import org.backprop.nn.internal.TensorInternals;
import org.backprop.nn.json.JsonWriter;
import org.backprop.nn.layers.Activation;
import org.backprop.nn.layers.Add;
import org.backprop.nn.layers.AveragePooling2D;
import org.backprop.nn.layers.BatchNormalization;
import org.backprop.nn.layers.Bidirectional;
import org.backprop.nn.layers.Concatenate;
import org.backprop.nn.layers.Conv1D;
import org.backprop.nn.layers.Conv2D;
import org.backprop.nn.layers.Conv2DTranspose;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.DepthwiseConv2D;
import org.backprop.nn.layers.Dropout;
import org.backprop.nn.layers.Embedding;
import org.backprop.nn.layers.Flatten;
import org.backprop.nn.layers.GlobalAveragePooling1D;
import org.backprop.nn.layers.GlobalAveragePooling2D;
import org.backprop.nn.layers.GlobalMaxPooling1D;
import org.backprop.nn.layers.GlobalMaxPooling2D;
import org.backprop.nn.layers.GRU;
import org.backprop.nn.layers.LSTM;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.layers.LayerConfig;
import org.backprop.nn.layers.LayerNames;
import org.backprop.nn.layers.LayerNormalization;
import org.backprop.nn.layers.MaxPooling1D;
import org.backprop.nn.layers.MaxPooling2D;
import org.backprop.nn.layers.MultiHeadAttention;
import org.backprop.nn.layers.PositionalEmbedding;
import org.backprop.nn.layers.Reshape;
import org.backprop.nn.layers.SeparableConv2D;
import org.backprop.nn.layers.SimpleRNN;
import org.backprop.nn.layers.UpSampling2D;
import org.backprop.nn.layers.preprocessing.RandomContrast;
import org.backprop.nn.layers.preprocessing.RandomFlip;
import org.backprop.nn.layers.preprocessing.RandomRotation;
import org.backprop.nn.layers.preprocessing.RandomTranslation;
import org.backprop.nn.layers.preprocessing.RandomZoom;
import org.backprop.nn.layers.preprocessing.Rescaling;
import org.backprop.nn.layers.preprocessing.Resizing;
import org.backprop.nn.layers.preprocessing.TextVectorization;
import org.backprop.nn.ops.Ops;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.regularizers.Regularizers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every library layer keeps for saved models: it is in {@link LayerRegistry}, its config rebuilds a
 * layer with an equal config (also after a trip through JSON), and the rebuilt layer given the saved weights
 * computes exactly what the original does, in inference and, with the same seed, in training.
 */
class LayerContractTest {

    /** A layer with settings other than its defaults, and the inputs (without batch) it is called on. */
    private record Example(Supplier<Layer> layer, boolean ids, int[]... inputShapes) {
    }

    private static final Map<String, Example> EXAMPLES = new LinkedHashMap<>();
    private static final List<String> TEXTS = List.of("The cat sat.", "The dog, the cat!", "A bird");

    static {
        example("Activation", () -> new Activation("tanh"), new int[] {4});
        example("Add", Add::new, new int[] {3}, new int[] {3});
        example("AveragePooling2D", () -> new AveragePooling2D(2).strides(1).padding("same"), new int[] {5, 5, 2});
        example("BatchNormalization", () -> {
            BatchNormalization layer = new BatchNormalization().momentum(0.9).epsilon(0.01).scale(false).axis(3);
            layer.setTrainable(false);
            return layer;
        }, new int[] {4, 4, 3});
        example("Bidirectional", () -> new Bidirectional(new GRU(3).resetAfter(false).returnSequences(true)
                .recurrentRegularizer(Regularizers.l2(0.01)), "ave"),
                new int[] {4, 2});
        example("Concatenate", () -> new Concatenate(1), new int[] {2, 3}, new int[] {4, 3});
        example("Conv1D", () -> new Conv1D(4, 3, "relu").strides(2).padding("same")
                .kernelRegularizer("l1").biasRegularizer(Regularizers.l2(0.5)), new int[] {7, 2});
        example("Conv2D", () -> new Conv2D(4, 3, 2).activation("relu").strides(2).padding("same")
                .kernelRegularizer(Regularizers.l2(0.002)).biasRegularizer("l1_l2"), new int[] {6, 6, 2});
        example("Conv2DTranspose", () -> new Conv2DTranspose(3, 3, "relu").strides(2).padding("same")
                .kernelRegularizer(Regularizers.l1(0.001)),
                new int[] {3, 4, 2});
        example("Dense", () -> {
            Dense layer = new Dense(3, "sigmoid").useBias(false).kernelInitializer("he_normal")
                    .kernelRegularizer(Regularizers.l1L2(0.001, 0.002));
            layer.setName("logits");
            return layer;
        }, new int[] {5});
        example("DepthwiseConv2D", () -> new DepthwiseConv2D(3).depthMultiplier(2).padding("same")
                .activation("tanh").depthwiseRegularizer("l2"), new int[] {5, 5, 2});
        example("Dropout", () -> new Dropout(0.3), new int[] {6});
        EXAMPLES.put("Embedding", new Example(() -> new Embedding(10, 4).maskZero(true)
                .embeddingsRegularizer(Regularizers.l2(0.002)), true, new int[] {5}));
        example("Flatten", Flatten::new, new int[] {2, 3, 2});
        example("GlobalAveragePooling1D", GlobalAveragePooling1D::new, new int[] {4, 3});
        example("GlobalAveragePooling2D", GlobalAveragePooling2D::new, new int[] {3, 3, 2});
        example("GlobalMaxPooling1D", GlobalMaxPooling1D::new, new int[] {4, 3});
        example("GlobalMaxPooling2D", GlobalMaxPooling2D::new, new int[] {3, 3, 2});
        example("GRU", () -> new GRU(3).returnSequences(true).goBackwards(true)
                .biasRegularizer("l2"), new int[] {4, 2});
        example("LSTM", () -> new LSTM(3).returnSequences(true).goBackwards(true)
                .kernelRegularizer(Regularizers.l2(0.002)).recurrentRegularizer("l1"), new int[] {4, 2});
        example("LayerNormalization", () -> new LayerNormalization().epsilon(1e-5), new int[] {3, 4});
        example("MaxPooling1D", () -> new MaxPooling1D(3).strides(2).padding("same"), new int[] {7, 2});
        example("MaxPooling2D", () -> new MaxPooling2D(3).strides(2).padding("same"), new int[] {5, 5, 2});
        example("MultiHeadAttention", () -> new MultiHeadAttention(2, 3), new int[] {4, 5}, new int[] {3, 6});
        EXAMPLES.put("PositionalEmbedding", new Example(() -> new PositionalEmbedding(6, 10, 4), true,
                new int[] {5}));
        example("RandomContrast", () -> new RandomContrast(0.3), new int[] {6, 6, 3});
        example("RandomFlip", () -> new RandomFlip("vertical"), new int[] {6, 6, 3});
        example("RandomRotation", () -> new RandomRotation(0.2), new int[] {6, 6, 3});
        example("RandomTranslation", () -> new RandomTranslation(0.1, 0.2), new int[] {6, 6, 3});
        example("RandomZoom", () -> new RandomZoom(0.25), new int[] {6, 6, 3});
        example("Rescaling", () -> new Rescaling(1.0 / 255, 0.5), new int[] {4});
        example("Reshape", () -> new Reshape(-1, 2), new int[] {3, 4});
        example("Resizing", () -> new Resizing(4, 5), new int[] {6, 6, 1});
        example("SimpleRNN", () -> new SimpleRNN(3).goBackwards(true).kernelRegularizer(Regularizers.l1(0.003)),
                new int[] {4, 2});
        // Takes text, not tensors: rebuiltLayerWithTheSavedWeightsComputesTheSameOutputs calls it on TEXTS.
        example("TextVectorization", () -> {
            TextVectorization layer = new TextVectorization("tf_idf").maxTokens(6).ngrams(2);
            layer.adapt(TEXTS);
            return layer;
        });
        example("UpSampling2D", () -> new UpSampling2D(3), new int[] {2, 3, 2});
        example("SeparableConv2D", () -> new SeparableConv2D(4, 3).depthMultiplier(2).padding("same")
                .activation("relu").depthwiseRegularizer("l1").pointwiseRegularizer(Regularizers.l2(0.002)),
                new int[] {5, 5, 3});
    }

    private static void example(String className, Supplier<Layer> layer, int[]... inputShapes) {
        EXAMPLES.put(className, new Example(layer, false, inputShapes));
    }

    @BeforeEach
    void freshNamesAndSeed() {
        LayerNames.reset();
        RandomSeed.set(11);
    }

    static Stream<String> registered() {
        return LayerRegistry.classNames().stream();
    }

    @Test
    void everyLibraryLayerClassIsRegisteredAndHasAnExample() throws Exception {
        List<Class<?>> layerClasses = libraryLayerClasses();
        assertTrue(layerClasses.size() >= 26, "found only " + layerClasses);
        for (Class<?> type : layerClasses) {
            Example example = null;
            for (Example candidate : EXAMPLES.values()) {
                if (candidate.layer().get().getClass() == type) {
                    example = candidate;
                }
            }
            assertNotNull(example, type.getName() + " has no example in this test: add one, and register the class in"
                    + " LayerRegistry");
            Layer layer = example.layer().get();
            assertEquals(layer.typeName(), LayerRegistry.classNameOf(layer), type.getName() + " is saved under its"
                    + " Keras class name");
        }
        assertEquals(EXAMPLES.keySet().stream().sorted().toList(), LayerRegistry.classNames(),
                "the registry holds exactly the library's layers");
    }

    @ParameterizedTest
    @MethodSource("registered")
    void configRebuildsALayerWithAnEqualConfig(String className) {
        Layer layer = EXAMPLES.get(className).layer().get();
        LayerConfig config = layer.getConfig();
        assertEquals(layer.name(), config.getString("name"));
        assertEquals(layer.trainable(), config.getBoolean("trainable"));

        Layer rebuilt = LayerRegistry.fromConfig(className, config);
        assertEquals(layer.getClass(), rebuilt.getClass());
        assertEquals(className, rebuilt.typeName());
        assertEquals(config, rebuilt.getConfig());

        JsonWriter json = new JsonWriter();
        JsonValues.write(json, config.asMap());
        LayerConfig read = LayerConfig.of(Members.object(JsonValues.parse(json.toString()), "config"));
        assertEquals(config, read, "the config is the same after a trip through JSON:\n" + json);
        assertEquals(config, LayerRegistry.fromConfig(className, read).getConfig());
    }

    @ParameterizedTest
    @MethodSource("registered")
    void rebuiltLayerWithTheSavedWeightsComputesTheSameOutputs(String className) {
        Example example = EXAMPLES.get(className);
        Layer layer = example.layer().get();
        if (layer instanceof TextVectorization text) {
            TextVectorization rebuilt = (TextVectorization) LayerRegistry.fromConfig(className, layer.getConfig());
            assertSameValues(text.call(TEXTS), rebuilt.call(TEXTS), className + " on text");
            return;
        }
        List<Tensor> inputs = inputs(example);
        layer.callAll(inputs, false);
        List<Tensor> weights = new ArrayList<>();
        for (int i = 0; i < layer.weights().size(); i++) {
            // Weights other than their initial values, so that each one's place matters.
            weights.add(random(100 + i, 0.5f, 1.5f, layer.weights().get(i).shape()));
        }
        Layer rebuilt = LayerRegistry.fromConfig(className, layer.getConfig());
        rebuilt.callAll(inputs, false);
        if (!weights.isEmpty()) {
            layer.setWeights(weights.toArray(new Tensor[0]));
            rebuilt.setWeights(layer.getWeights().toArray(new Tensor[0]));
        }

        assertSameValues(layer.callAll(inputs, false), rebuilt.callAll(inputs, false), className + " in inference");
        RandomSeed.set(3);
        Tensor trained = layer.callAll(inputs, true);
        RandomSeed.set(3);
        assertSameValues(trained, rebuilt.callAll(inputs, true), className + " in training, with the same seed");
        assertSameValues(Ops.addN(layer.losses()), Ops.addN(rebuilt.losses()), className + "'s penalties");
    }

    private static List<Tensor> inputs(Example example) {
        List<Tensor> inputs = new ArrayList<>();
        for (int[] shape : example.inputShapes()) {
            int[] withBatch = new int[shape.length + 1];
            withBatch[0] = 2;
            System.arraycopy(shape, 0, withBatch, 1, shape.length);
            Tensor values = random(inputs.size() + 1, -1, 1, withBatch);
            if (example.ids()) {
                float[] ids = values.toArray();
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = (float) Math.floor((ids[i] + 1) * 4.99);
                }
                values = Tensor.of(withBatch, ids);
            }
            inputs.add(values);
        }
        return inputs;
    }

    private static void assertSameValues(Tensor expected, Tensor actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what);
        assertArrayEquals(TensorInternals.values(expected), TensorInternals.values(actual), 0f, what);
    }

    /** Returns every concrete Layer subclass in nn's main classes, found by walking the folder Layer comes from. */
    private static List<Class<?>> libraryLayerClasses() throws IOException, URISyntaxException,
            ClassNotFoundException {
        Path root = Path.of(Layer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        List<Path> classFiles;
        try (Stream<Path> files = Files.walk(root.resolve("org/backprop/nn"))) {
            classFiles = files.filter(path -> path.toString().endsWith(".class")).toList();
        }
        for (Path file : classFiles) {
            String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '.')
                    .replaceAll("\\.class$", "");
            Class<?> type = Class.forName(name, false, Layer.class.getClassLoader());
            // A model used as a layer (Model.asLayer) is no layer of its own kind: its model is what a save would hold.
            boolean modelAsLayer = type == new org.backprop.nn.models.Sequential().asLayer().getClass();
            // The examples' layers (the VAE's Sampler) are written as the book has students write them: their own.
            boolean example = name.startsWith("org.backprop.nn.examples.");
            if (Layer.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers()) && !modelAsLayer
                    && !example) {
                found.add(type);
            }
        }
        return found;
    }
}
