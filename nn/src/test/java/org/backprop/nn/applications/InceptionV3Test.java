package org.backprop.nn.applications;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Layer;
import org.backprop.nn.layers.LayerNames;
import org.backprop.nn.models.Model;
import org.backprop.nn.random.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * InceptionV3 against Keras 3's {@code keras.applications.InceptionV3(weights=None)}: its parameter counts (Keras's
 * summary: 23,851,784 with the top, of which 34,432 are the batch normalisations' moving statistics; 21,802,784
 * without), its layers and their names in a fresh session, the shapes of its blocks, and its {@code
 * preprocess_input}.
 */
class InceptionV3Test {

    @BeforeEach
    void freshNamesAndSeed() {
        LayerNames.reset();
        RandomSeed.set(11);
    }

    @Test
    void withTheTopItHasKerassParameterCounts() {
        Model model = InceptionV3.build();
        assertEquals("inception_v3", model.name());
        assertEquals(23_851_784, model.countParams());
        String summary = model.summaryText();
        assertTrue(summary.contains(" Trainable params: 23,817,352"), summary);
        assertTrue(summary.contains(" Non-trainable params: 34,432"), summary);
        List<String> names = names(model);
        // Keras's 313 layers less the input layer, which nn's layers() leaves out.
        assertEquals(312, names.size());
        assertEquals(List.of("conv2d", "batch_normalization", "activation", "conv2d_1"), names.subList(0, 4));
        assertEquals(List.of("avg_pool", "predictions"), names.subList(310, 312));
        assertTrue(names.contains("conv2d_93") && !names.contains("conv2d_94"), "94 convolutions");
        assertArrayEquals(new int[] {8, 8, 2048}, shapeOf(model, "mixed10"));
        assertArrayEquals(new int[] {1000}, shapeOf(model, "predictions"));
    }

    @Test
    void itsBlocksHaveKerassNamesAndShapes() {
        Model model = InceptionV3.builder().includeTop(false).build();
        assertEquals(21_802_784, model.countParams());
        assertArrayEquals(new int[] {35, 35, 256}, shapeOf(model, "mixed0"));
        assertArrayEquals(new int[] {35, 35, 288}, shapeOf(model, "mixed2"));
        assertArrayEquals(new int[] {17, 17, 768}, shapeOf(model, "mixed3"));
        assertArrayEquals(new int[] {17, 17, 768}, shapeOf(model, "mixed7"));
        assertArrayEquals(new int[] {8, 8, 1280}, shapeOf(model, "mixed8"));
        assertArrayEquals(new int[] {8, 8, 768}, shapeOf(model, "mixed9_0"));
        assertArrayEquals(new int[] {8, 8, 768}, shapeOf(model, "mixed9_1"));
        assertArrayEquals(new int[] {8, 8, 2048}, shapeOf(model, "mixed10"));
        List<String> names = names(model);
        assertEquals("mixed10", names.get(names.size() - 1));
        Layer firstConv = model.getLayer("conv2d");
        assertEquals(3 * 3 * 3 * 32, firstConv.countParams(), "no bias");
        assertEquals(3 * 32, model.getLayer("batch_normalization").countParams(), "no gamma: beta, mean, variance");
        assertEquals(Boolean.FALSE, model.getLayer("conv2d_4").getConfig().get("use_bias"));
        // Keras's channel_axis and bn_axis, as a Keras file's configs carry them.
        assertEquals(3.0, ((Number) model.getLayer("mixed0").getConfig().get("axis")).doubleValue());
        assertEquals(3.0, ((Number) model.getLayer("batch_normalization_5").getConfig().get("axis")).doubleValue());
        assertEquals(Boolean.FALSE, model.getLayer("batch_normalization_5").getConfig().get("scale"));
        assertArrayEquals(new int[] {1, 7, 128, 128}, weightShape(model, "conv2d_32"), "mixed4's first 1×7");
        assertArrayEquals(new int[] {7, 1, 128, 192}, weightShape(model, "conv2d_33"));
    }

    @Test
    void atKerassSmallestInputItRunsToOnePixel() {
        Model model = InceptionV3.builder().includeTop(false).inputShape(75, 75, 3).pooling("avg").build();
        Tensor images = InceptionV3.preprocessInput(Tensor.filled(200, 1, 75, 75, 3));
        Tensor features = model.predict(images);
        assertArrayEquals(new int[] {1, 2048}, features.shape());
        for (float value : features.toArray()) {
            assertTrue(value >= 0 && Float.isFinite(value), "relu outputs, pooled: " + value);
        }
        assertArrayEquals(new int[] {1, 1, 2048}, shapeOf(model, "mixed10"));
    }

    @Test
    void aSmallerTopHasTheClassesAsked() {
        Model model = InceptionV3.builder().inputShape(75, 75, 3).classes(3).classifierActivation("sigmoid").build();
        assertEquals(21_802_784 + 2048 * 3 + 3, model.countParams());
    }

    @Test
    void refusesWhatKerasRefuses() {
        assertEquals("inputShape must be at least 75×75 with at least one channel, as Keras's, got (74, 80, 3)",
                assertThrows(IllegalArgumentException.class, () -> InceptionV3.builder().inputShape(74, 80, 3))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> InceptionV3.builder().pooling("sum"));
        assertThrows(IllegalArgumentException.class, () -> InceptionV3.builder().classes(0));
    }

    @Test
    void preprocessInputIsKerassTfMode() {
        // keras.applications.inception_v3.preprocess_input(np.array([[0., 127.5, 255.], [51., 204., 1.]]))
        Tensor rgb = Tensor.of(new int[] {2, 3}, new float[] {0, 127.5f, 255, 51, 204, 1});
        assertArrayEquals(new float[] {-1, 0, 1, -0.6f, 0.6f, 1 / 127.5f - 1}, InceptionV3.preprocessInput(rgb)
                .toArray(), 1e-6f);
        assertArrayEquals(new float[] {0, 127.5f, 255, 51, 204, 1}, rgb.toArray(), "the input is left as it was");
        assertThrows(IllegalArgumentException.class, () -> InceptionV3.preprocessInput(Tensor.zeros(2, 4)));
    }

    private static int[] shapeOf(Model model, String layer) {
        return model.layerOutputShapes().get(names(model).indexOf(layer));
    }

    private static int[] weightShape(Model model, String layer) {
        return model.getLayer(layer).getWeights().get(0).shape();
    }

    private static List<String> names(Model model) {
        List<String> names = new ArrayList<>();
        for (Layer layer : model.layers()) {
            names.add(layer.name());
        }
        return names;
    }
}
