package org.backprop.nn.layers.preprocessing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backprop.nn.Tensor;
import org.backprop.nn.random.RandomSeed;
import org.junit.jupiter.api.Test;

class AugmentationTest {
    private static final Tensor IMAGE = Tensor.of(new int[] {1, 2, 3, 1}, new float[] {1, 2, 3, 4, 5, 6});

    @Test
    void flipsMirrorImagesExactly() {
        RandomSeed.set(1);
        boolean sawFlip = false;
        boolean sawOriginal = false;
        for (int i = 0; i < 20; i++) {
            float[] out = new RandomFlip("horizontal").call(IMAGE, true).toArray();
            if (out[0] == 3f) {
                assertArrayEquals(new float[] {3, 2, 1, 6, 5, 4}, out);
                sawFlip = true;
            } else {
                assertArrayEquals(IMAGE.toArray(), out);
                sawOriginal = true;
            }
        }
        assertTrue(sawFlip && sawOriginal, "about half the images are flipped");
    }

    @Test
    void changesNothingInInference() {
        assertSame(IMAGE, new RandomRotation(0.2).call(IMAGE, false));
        assertSame(IMAGE, new RandomZoom(0.2).call(IMAGE, false));
        assertTrue(new RandomZoom(0.2).activeOnlyInTraining());
    }

    @Test
    void aZeroFactorLeavesImagesAsTheyAre() {
        assertArrayEquals(IMAGE.toArray(), new RandomRotation(0).call(IMAGE, true).toArray(), 1e-5f);
        assertArrayEquals(IMAGE.toArray(), new RandomZoom(0).call(IMAGE, true).toArray(), 1e-5f);
    }

    @Test
    void theSameSeedAugmentsTheSameWay() {
        Tensor image = Tensor.of(new int[] {2, 8, 8, 3}, new float[2 * 8 * 8 * 3]);
        float[] values = image.toArray();
        for (int i = 0; i < values.length; i++) {
            values[i] = (i * 7919) % 255;
        }
        Tensor input = Tensor.of(image.shape(), values);
        RandomSeed.set(9);
        Tensor first = new RandomRotation(0.1).call(input, true);
        RandomSeed.set(9);
        assertEquals(first, new RandomRotation(0.1).call(input, true));
        assertNotEquals(input, first);
    }

    @Test
    void translationKeepsTheShapeAndAZeroFactorChangesNothing() {
        RandomSeed.set(2);
        Tensor out = new RandomTranslation(0, 1.0 / 3).call(IMAGE, true);
        assertArrayEquals(IMAGE.shape(), out.shape());
        assertTrue(new RandomTranslation(0.1, 0.1).activeOnlyInTraining());
        assertArrayEquals(IMAGE.toArray(), new RandomTranslation(0, 0).call(IMAGE, true).toArray(), 1e-5f);
    }

    @Test
    void contrastKeepsEachChannelsMean() {
        RandomSeed.set(3);
        float[] out = new RandomContrast(0.5).call(IMAGE, true).toArray();
        double mean = 0;
        for (float v : out) {
            mean += v / out.length;
        }
        assertEquals(3.5, mean, 1e-5);
        assertSame(IMAGE, new RandomContrast(0.5).call(IMAGE, false));
    }

    @Test
    void resizesBilinearlyWithHalfPixelCentres() {
        Tensor out = new Resizing(4, 6).apply(IMAGE);
        assertArrayEquals(new int[] {1, 4, 6, 1}, out.shape());
        assertEquals(1f, out.get(0), 1e-6);
        assertEquals(6f, out.get(23), 1e-6);
        assertArrayEquals(IMAGE.toArray(), new Resizing(2, 3).apply(IMAGE).toArray(), 1e-6f);
    }

    @Test
    void rescalesAndNamesBadSettings() {
        assertArrayEquals(new float[] {0.5f, 1f}, new Rescaling(1.0 / 255).apply(Tensor.of(new float[][] {{127.5f, 255}})).toArray(), 1e-6f);
        assertEquals("mode must be \"horizontal\", \"vertical\" or \"horizontal_and_vertical\", got \"sideways\"",
                assertThrows(IllegalArgumentException.class, () -> new RandomFlip("sideways")).getMessage());
        assertEquals("factor must be in [0, 1), got 1.5",
                assertThrows(IllegalArgumentException.class, () -> new RandomZoom(1.5)).getMessage());
    }
}
