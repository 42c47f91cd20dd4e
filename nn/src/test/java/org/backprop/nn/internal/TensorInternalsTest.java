package org.backprop.nn.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.backprop.nn.Tensor;
import org.backprop.nn.ops.Ops;
import org.junit.jupiter.api.Test;

class TensorInternalsTest {

    @Test
    void wrapsAndHandsOutTheArrayItself() {
        float[] values = {1, 2, 3, 4};
        Tensor tensor = TensorInternals.wrap(new int[] {2, 2}, values);
        assertSame(values, TensorInternals.values(tensor));
        assertEquals(4f, tensor.get(3));
        assertThrows(IllegalArgumentException.class, () -> TensorInternals.wrap(new int[] {3}, values));
    }

    @Test
    void reshapesWithoutMovingValues() {
        Tensor matrix = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor view = TensorInternals.reshaped(matrix, new int[] {3, 2});
        assertArrayEquals(new int[] {3, 2}, view.shape());
        assertSame(TensorInternals.values(matrix), TensorInternals.values(view));
        assertThrows(IllegalArgumentException.class, () -> TensorInternals.reshaped(matrix, new int[] {4}));
    }

    @Test
    void downloadsDeviceValuesOnceForEveryViewAndKeepsThem() {
        AtomicInteger downloads = new AtomicInteger();
        DeviceData device = () -> {
            downloads.incrementAndGet();
            return new float[] {1, 2, 3, 4, 5, 6};
        };
        Tensor onDevice = TensorInternals.onDevice(new int[] {2, 3}, device);
        Tensor view = TensorInternals.reshaped(onDevice, new int[] {6});
        assertFalse(TensorInternals.isOnHost(onDevice));
        assertSame(device, TensorInternals.deviceData(view));
        assertEquals(6f, view.get(5));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, onDevice.toArray());
        assertEquals(1, downloads.get());
        assertTrue(TensorInternals.isOnHost(onDevice));
        TensorInternals.attachDeviceData(onDevice, null);
        assertNull(TensorInternals.deviceData(view));
    }

    @Test
    void neverForgetsTheOnlyCopyOfTheValues() {
        Tensor onDevice = TensorInternals.onDevice(new int[] {1}, () -> new float[] {7});
        assertThrows(IllegalStateException.class, () -> TensorInternals.attachDeviceData(onDevice, null));
        Tensor host = Tensor.of(new float[] {7});
        DeviceData upload = () -> new float[] {7};
        TensorInternals.attachDeviceData(host, upload);
        assertSame(upload, TensorInternals.deviceData(host));
    }

    @Test
    void recordsTheOpThatComputedATensorAndASoftmaxsLogits() {
        Tensor logits = Tensor.of(new float[][] {{1, 2, 3}}).asVariable();
        Tensor probabilities = Ops.softmax(logits);
        assertSame(logits, TensorInternals.softmaxLogits(probabilities));
        assertEquals("softmax", TensorInternals.creator(probabilities).name());
        assertNull(TensorInternals.creator(logits));
        assertNull(TensorInternals.softmaxLogits(logits));
    }

    @Test
    void refusesASecondImplementation() {
        Tensor.scalar(0f);
        assertThrows(IllegalStateException.class, () -> TensorInternals.install(null));
    }

    @Test
    void worksWhenLoadedBeforeTensor() throws Exception {
        // A data loader may wrap its first array before any tensor exists: TensorInternals is then initialised
        // first, and must still find what Tensor lends. A fresh class loader starts with neither class loaded.
        try (URLClassLoader fresh = freshLoader()) {
            Class<?> internals = Class.forName(TensorInternals.class.getName(), true, fresh);
            Object tensor = internals.getMethod("wrap", int[].class, float[].class)
                    .invoke(null, new int[] {2}, new float[] {1, 2});
            assertEquals("[1.0000, 2.0000]", tensor.toString());
        }
    }

    @Test
    void worksWhenLoadedAfterTensor() throws Exception {
        try (URLClassLoader fresh = freshLoader()) {
            Class<?> tensorClass = Class.forName(Tensor.class.getName(), true, fresh);
            Object tensor = tensorClass.getMethod("scalar", float.class).invoke(null, 3f);
            Class<?> internals = Class.forName(TensorInternals.class.getName(), true, fresh);
            float[] values = (float[]) internals.getMethod("values", tensorClass).invoke(null, tensor);
            assertArrayEquals(new float[] {3}, values);
        }
    }

    private static URLClassLoader freshLoader() {
        URL classes = Tensor.class.getProtectionDomain().getCodeSource().getLocation();
        return new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader());
    }
}
