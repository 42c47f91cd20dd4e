package org.backprop.nn.applications;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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
 * VGG19 against Keras 3's {@code keras.applications.VGG19(weights=None)}: its layer names, output shapes and
 * parameter counts (Keras's summary: 143,667,240 with the top, 20,024,384 without) and its {@code preprocess_input}.
 */
class VGG19Test {
    private static final List<String> BASE_LAYERS = List.of("block1_conv1", "block1_conv2", "block1_pool",
            "block2_conv1", "block2_conv2", "block2_pool", "block3_conv1", "block3_conv2", "block3_conv3",
            "block3_conv4", "block3_pool", "block4_conv1", "block4_conv2", "block4_conv3", "block4_conv4",
            "block4_pool", "block5_conv1", "block5_conv2", "block5_conv3", "block5_conv4", "block5_pool");

    @BeforeEach
    void freshNamesAndSeed() {
        LayerNames.reset();
        RandomSeed.set(5);
    }

    @Test
    void withTheTopItHasKerassLayersAndParameterCount() {
        Model model = VGG19.build();
        List<String> expected = new ArrayList<>(BASE_LAYERS);
        expected.addAll(List.of("flatten", "fc1", "fc2", "predictions"));
        assertEquals(expected, names(model));
        assertEquals("vgg19", model.name());
        assertEquals(143_667_240, model.countParams());
        assertArrayEquals(new int[] {1000}, model.layerOutputShapes().get(expected.size() - 1));
    }

    @Test
    void withoutTheTopItHasTheConvolutionalBaseOnly() {
        Model model = VGG19.builder().includeTop(false).inputShape(32, 40, 3).pooling("none").build();
        assertEquals(BASE_LAYERS, names(model));
        assertEquals(20_024_384, model.countParams());
        Tensor features = model.predict(Tensor.filled(1, 2, 32, 40, 3));
        assertArrayEquals(new int[] {2, 1, 1, 512}, features.shape());
        Model pooled = VGG19.builder().includeTop(false).inputShape(32, 32, 3).pooling("avg").build();
        assertArrayEquals(new int[] {1, 512}, pooled.predict(Tensor.filled(1, 1, 32, 32, 3)).shape());
    }

    @Test
    void styleTransferFindsItsLayersByName() {
        Model model = VGG19.builder().includeTop(false).inputShape(32, 32, 3).build();
        Layer content = model.getLayer("block5_conv2");
        assertSame(model.layers().get(BASE_LAYERS.indexOf("block5_conv2")), content);
        assertEquals(2_359_808, content.countParams(), "3·3·512·512 + 512");
    }

    @Test
    void refusesWhatKerasRefuses() {
        assertEquals("inputShape must be at least 32×32 with at least one channel, as Keras's, got (32, 31, 3)",
                assertThrows(IllegalArgumentException.class, () -> VGG19.builder().inputShape(32, 31, 3))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> VGG19.builder().pooling("mean"));
    }

    @Test
    void preprocessInputIsVgg16s() {
        Tensor rgb = Tensor.of(new int[] {1, 2, 3}, new float[] {255, 128, 0, 10, 20, 30});
        assertArrayEquals(VGG16.preprocessInput(rgb).toArray(), VGG19.preprocessInput(rgb).toArray());
        assertArrayEquals(new float[] {-103.939f, 11.221f, 131.32f, -73.939f, -96.779f, -113.68f},
                VGG19.preprocessInput(rgb).toArray(), 1e-4f);
    }

    private static List<String> names(Model model) {
        List<String> names = new ArrayList<>();
        for (Layer layer : model.layers()) {
            names.add(layer.name());
        }
        return names;
    }
}
