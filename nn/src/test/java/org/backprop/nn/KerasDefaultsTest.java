package org.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.backprop.nn.layers.AveragePooling2D;
import org.backprop.nn.layers.LayerConfig;
import org.backprop.nn.layers.MaxPooling1D;
import org.backprop.nn.layers.MaxPooling2D;
import org.backprop.nn.layers.UpSampling2D;
import org.backprop.nn.layers.preprocessing.RandomFlip;
import org.backprop.nn.layers.preprocessing.TextVectorization;
import org.backprop.nn.losses.BinaryCrossentropy;
import org.backprop.nn.losses.CategoricalCrossentropy;
import org.backprop.nn.losses.Loss;
import org.backprop.nn.losses.MeanAbsoluteError;
import org.backprop.nn.losses.MeanSquaredError;
import org.backprop.nn.losses.SparseCategoricalCrossentropy;
import org.backprop.nn.metrics.BinaryAccuracy;
import org.backprop.nn.metrics.CategoricalAccuracy;
import org.backprop.nn.metrics.Metric;
import org.backprop.nn.metrics.Metrics;
import org.backprop.nn.metrics.Precision;
import org.backprop.nn.metrics.Recall;
import org.backprop.nn.metrics.SparseCategoricalAccuracy;
import org.backprop.nn.metrics.SparseTopKCategoricalAccuracy;
import org.backprop.nn.metrics.TopKCategoricalAccuracy;
import org.backprop.nn.optim.Adam;
import org.backprop.nn.optim.AdamW;
import org.backprop.nn.optim.Optimizer;
import org.backprop.nn.optim.RMSprop;
import org.backprop.nn.optim.SGD;
import org.junit.jupiter.api.Test;

/** Every constructor Keras has without arguments exists here with Keras 3's defaults. */
class KerasDefaultsTest {

    @Test
    void optimizersHaveKerasDefaults() {
        RMSprop rmsprop = new RMSprop();
        assertEquals(0.001f, rmsprop.learningRate());
        assertEquals(0.9f, rmsprop.rho());
        assertEquals(1e-7f, rmsprop.epsilon());
        Adam adam = new Adam();
        assertEquals(0.001f, adam.learningRate());
        assertEquals(0.9f, adam.beta1());
        assertEquals(0.999f, adam.beta2());
        assertEquals(1e-7f, adam.epsilon());
        AdamW adamW = new AdamW();
        assertEquals(0.001f, adamW.learningRate());
        assertEquals(0.004f, adamW.weightDecay());
        SGD sgd = new SGD();
        assertEquals(0.01f, sgd.learningRate());
        assertEquals(0f, sgd.momentum());
        assertFalse(sgd.nesterov());
    }

    @Test
    void optimizerNamesGiveTheDefaults() {
        assertEquals(0.001f, Optimizer.byName("rmsprop").learningRate());
        assertEquals(0.9f, ((RMSprop) Optimizer.byName("rmsprop")).rho());
        assertEquals(0.01f, Optimizer.byName("sgd").learningRate());
        assertEquals(0.001f, Optimizer.byName("adam").learningRate());
    }

    @Test
    void lossesTakeProbabilitiesByDefault() {
        assertFalse(new BinaryCrossentropy().fromLogits());
        assertFalse(new CategoricalCrossentropy().fromLogits());
        assertFalse(new SparseCategoricalCrossentropy().fromLogits());
        assertEquals("binary_crossentropy", new BinaryCrossentropy().name());
        assertEquals("mean_squared_error", new MeanSquaredError().name());
        assertEquals("mean_absolute_error", new MeanAbsoluteError().name());
    }

    @Test
    void metricsHaveKerasNamesAndSettings() {
        assertEquals("binary_accuracy", new BinaryAccuracy().name());
        assertEquals(0.5f, new BinaryAccuracy().threshold());
        assertEquals("categorical_accuracy", new CategoricalAccuracy().name());
        assertEquals("sparse_categorical_accuracy", new SparseCategoricalAccuracy().name());
        assertEquals("top_k_categorical_accuracy", new TopKCategoricalAccuracy().name());
        assertEquals(5, new TopKCategoricalAccuracy().k());
        assertEquals(5, new SparseTopKCategoricalAccuracy().k());
        assertEquals("precision", new Precision().name());
        assertEquals("recall", new Recall().name());
        assertEquals("mae", Metrics.byName("mae", "mse").name());
        assertEquals("mean_squared_error", new org.backprop.nn.metrics.MeanSquaredError().name());
    }

    @Test
    void errorMetricsAverageEachExamplesErrorAsKeras() {
        Metric mae = Metrics.byName("mae", "mse");
        // Keras: mean(|[1, 2, 3] - [[1.5], [2], [5]]|) after squeezing = (0.5 + 0 + 2) / 3.
        mae.update(Tensor.of(new float[] {1, 2, 3}), Tensor.of(new float[][] {{1.5f}, {2}, {5}}));
        assertEquals(2.5 / 3, mae.result(), 1e-7);
        Metric mse = Metrics.byName("mse", "mse");
        mse.update(Tensor.of(new float[] {1, 2, 3}), Tensor.of(new float[][] {{1.5f}, {2}, {5}}));
        assertEquals(4.25 / 3, mse.result(), 1e-7);
    }

    @Test
    void layersHaveKerasDefaults() {
        assertArrayEquals(new int[] {2, 2}, new MaxPooling2D().getConfig().getInts("pool_size"));
        assertArrayEquals(new int[] {2, 2}, new MaxPooling2D().getConfig().getInts("strides"));
        assertEquals("valid", new MaxPooling2D().getConfig().getString("padding"));
        assertArrayEquals(new int[] {2, 2}, new AveragePooling2D().getConfig().getInts("pool_size"));
        assertArrayEquals(new int[] {2, 2}, new UpSampling2D().getConfig().getInts("size"));
        assertEquals("nearest", new UpSampling2D().getConfig().getString("interpolation"));
        assertArrayEquals(new int[] {2}, new MaxPooling1D().getConfig().getInts("pool_size"));
        assertEquals("horizontal_and_vertical", new RandomFlip().getConfig().getString("mode"));
        LayerConfig text = new TextVectorization().getConfig();
        assertEquals("lower_and_strip_punctuation", text.getString("standardize"));
        assertEquals("whitespace", text.getString("split"));
        assertEquals("int", text.getString("output_mode"));
        assertNull(text.get("max_tokens"));
        assertNull(text.get("output_sequence_length"));
    }

    @Test
    void lossesSqueezeOrExpandATrailingAxisAsKeras() {
        Tensor predictions = Tensor.of(new float[][] {{0.9f}, {0.2f}, {0.6f}});
        Tensor flat = Tensor.of(new float[] {1, 0, 0});
        Tensor column = Tensor.of(new float[][] {{1}, {0}, {0}});
        for (Loss loss : new Loss[] {new BinaryCrossentropy(), new MeanSquaredError(), new MeanAbsoluteError()}) {
            assertEquals(loss.call(column, predictions).item(), loss.call(flat, predictions).item(), loss.name());
            assertEquals(loss.call(column, flat).item(), loss.call(flat, flat).item(), loss.name());
        }
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new BinaryCrossentropy().call(Tensor.of(new float[] {1, 0}), predictions));
        assertEquals("binary_crossentropy: targets have shape (2,) but predictions have shape (3, 1)",
                error.getMessage());
    }
}
