package org.backprop.nn.applications;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.Input;
import org.backprop.nn.Tensor;
import org.backprop.nn.layers.BatchNormalization;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Flatten;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.layers.LayerNames;
import org.backprop.nn.models.Model;
import org.backprop.nn.random.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * VGG16 against Keras 3's {@code keras.applications.VGG16(weights=None)}: its layer names, output shapes and
 * parameter counts (Keras's summary: 138,357,544 with the top, 14,714,688 without), its {@code preprocess_input}, and
 * the book's feature extraction and fine-tuning (Deep Learning with Python, chapter 8).
 */
class VGG16Test {
    private static final List<String> BASE_LAYERS = List.of("block1_conv1", "block1_conv2", "block1_pool",
            "block2_conv1", "block2_conv2", "block2_pool", "block3_conv1", "block3_conv2", "block3_conv3",
            "block3_pool", "block4_conv1", "block4_conv2", "block4_conv3", "block4_pool", "block5_conv1",
            "block5_conv2", "block5_conv3", "block5_pool");

    @BeforeEach
    void freshNamesAndSeed() {
        LayerNames.reset();
        RandomSeed.set(3);
    }

    @Test
    void withTheTopItHasKerassLayersAndParameterCount() {
        Model model = VGG16.build();
        List<String> expected = new ArrayList<>(BASE_LAYERS);
        expected.addAll(List.of("flatten", "fc1", "fc2", "predictions"));
        assertEquals(expected, names(model));
        assertEquals("vgg16", model.name());
        assertEquals(138_357_544, model.countParams());
        assertArrayEquals(new int[] {1000}, last(model.layerOutputShapes()));
        assertTrue(model.summaryText().contains(" Total params: 138,357,544 (527.79 MB)"), model.summaryText());
    }

    @Test
    void withoutTheTopItHasTheConvolutionalBaseOnly() {
        Model model = VGG16.builder().includeTop(false).inputShape(64, 48, 3).build();
        assertEquals(BASE_LAYERS, names(model));
        assertEquals(14_714_688, model.countParams());
        assertArrayEquals(new int[] {2, 1, 512}, last(model.layerOutputShapes()));
    }

    @Test
    void poolsTheBaseAsAsked() {
        Model average = VGG16.builder().includeTop(false).inputShape(64, 64, 3).pooling("avg").build();
        assertEquals("global_average_pooling2d", last(names(average)));
        assertArrayEquals(new int[] {512}, last(average.layerOutputShapes()));
        Model max = VGG16.builder().includeTop(false).inputShape(64, 64, 3).pooling("max").build();
        assertEquals("global_max_pooling2d", last(names(max)));
        assertEquals(14_714_688, max.countParams());
        Tensor images = Tensor.filled(1, 1, 64, 64, 3);
        Tensor features = max.predict(images);
        Tensor base = VGG16.builder().includeTop(false).inputShape(64, 64, 3).pooling("none").build().predict(images);
        assertArrayEquals(new int[] {1, 512}, features.shape());
        assertArrayEquals(new int[] {1, 2, 2, 512}, base.shape());
    }

    @Test
    void aSmallerTopHasTheClassesAsked() {
        Model model = VGG16.builder().inputShape(32, 32, 3).classes(2).classifierActivation("sigmoid").build();
        // Keras: flatten 512 → fc1 2,101,248, fc2 16,781,312, predictions 8,194.
        assertEquals(14_714_688 + 2_101_248 + 16_781_312 + 8_194, model.countParams());
        Tensor probabilities = model.predict(Tensor.filled(0.5f, 2, 32, 32, 3));
        assertArrayEquals(new int[] {2, 2}, probabilities.shape());
    }

    @Test
    void refusesWhatKerasRefuses() {
        assertEquals("inputShape must be at least 32×32 with at least one channel, as Keras's, got (31, 64, 3)",
                assertThrows(IllegalArgumentException.class, () -> VGG16.builder().inputShape(31, 64, 3))
                        .getMessage());
        assertEquals("pooling must be null, \"none\", \"avg\" or \"max\", got \"mean\"",
                assertThrows(IllegalArgumentException.class, () -> VGG16.builder().pooling("mean")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> VGG16.builder().classes(0));
    }

    @Test
    void preprocessInputIsKerassCaffeMode() {
        // keras.applications.vgg16.preprocess_input(np.array([[[[255., 128., 0.], [10., 20., 30.]]]]))
        Tensor rgb = Tensor.of(new int[] {1, 1, 2, 3}, new float[] {255, 128, 0, 10, 20, 30});
        Tensor bgr = VGG16.preprocessInput(rgb);
        assertArrayEquals(new int[] {1, 1, 2, 3}, bgr.shape());
        assertArrayEquals(new float[] {0 - 103.939f, 128 - 116.779f, 255 - 123.68f, 30 - 103.939f,
            20 - 116.779f, 10 - 123.68f}, bgr.toArray());
        assertArrayEquals(new float[] {-103.939f, 11.221f, 131.32f, -73.939f, -96.779f, -113.68f}, bgr.toArray(),
                1e-4f);
        assertArrayEquals(new float[] {255, 128, 0, 10, 20, 30}, rgb.toArray(), "the input is left as it was");
        assertThrows(IllegalArgumentException.class, () -> VGG16.preprocessInput(Tensor.zeros(2, 4)));
    }

    @Test
    void freezingTheBaseLeavesNothingTrainable() {
        Model convBase = VGG16.builder().includeTop(false).inputShape(32, 32, 3).build();
        convBase.setTrainable(false);
        String summary = convBase.summaryText();
        assertTrue(summary.contains(" Trainable params: 0 (0.00 B)"), summary);
        assertTrue(summary.contains(" Non-trainable params: 14,714,688 (56.13 MB)"), summary);
        assertTrue(convBase.trainableWeights().isEmpty());
    }

    @Test
    void fineTuningUnfreezesTheLastFourLayersAsTheBookDoes() {
        // conv_base.trainable = True; for layer in conv_base.layers[:-4]: layer.trainable = False
        Model convBase = VGG16.builder().includeTop(false).inputShape(32, 32, 3).build();
        convBase.setTrainable(false);
        convBase.setTrainable(true);
        List<Layer> layers = convBase.layers();
        for (Layer layer : layers.subList(0, layers.size() - 4)) {
            layer.setTrainable(false);
        }
        String summary = convBase.summaryText();
        assertTrue(summary.contains(" Trainable params: 7,079,424 (27.01 MB)"), summary);
        assertTrue(summary.contains(" Non-trainable params: 7,635,264 (29.13 MB)"), summary);
        assertEquals(6, convBase.trainableWeights().size(), "block5's three kernels and biases");
    }

    @Test
    void aFrozenBaseRunsItsBatchNormalizationInInferenceMode() {
        Input inputs = Input.shape(3);
        Model base = new Model(inputs, new BatchNormalization().apply(new Dense(3).apply(inputs)));
        Model model = new Model(inputs, new Dense(1).apply(new Flatten().apply(base.apply(inputs))));
        base.setTrainable(false);
        Tensor x = Tensor.of(new float[][] {{1, 2, 3}, {-4, 5, 0.5f}});
        assertArrayEquals(model.call(x, false).toArray(), model.call(x, true).toArray(),
                "a frozen BatchNormalization normalises with its moving statistics, also in training");
        List<Tensor> statistics = base.layers().get(1).getWeights();
        model.call(x, true);
        assertArrayEquals(statistics.get(2).toArray(), base.layers().get(1).getWeights().get(2).toArray());
    }

    private static List<String> names(Model model) {
        List<String> names = new ArrayList<>();
        for (Layer layer : model.layers()) {
            names.add(layer.name());
        }
        return names;
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }
}
