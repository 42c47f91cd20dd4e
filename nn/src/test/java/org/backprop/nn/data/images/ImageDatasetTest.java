package org.backprop.nn.data.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.backprop.nn.Tensor;
import org.backprop.nn.data.Dataset;
import org.backprop.nn.layers.preprocessing.Resizing;
import org.backprop.nn.random.RandomSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImageDatasetTest {
    /** Ten "encoded" images: image i is the single byte i, decoded to a 2 × 3 greyscale image filled with 10·i. */
    private final List<byte[]> ten = new ArrayList<>();
    private final int[] labels = new int[10];
    private int decodes;
    private final ImageDecoder counting = bytes -> {
        decodes++;
        return Tensor.filled(10f * bytes[0], 2, 3, 1);
    };

    @BeforeEach
    void tenImages() {
        RandomSeed.set(42);
        for (int i = 0; i < 10; i++) {
            ten.add(new byte[] {(byte) i});
            labels[i] = i % 3;
        }
    }

    @Test
    void decodesOnlyTheImagesOfTheBatchReached() {
        ImageDataset images = ImageDataset.of(ten, labels, counting, 4, 4, 1);
        ImageDataset.Split split = images.split(0.2);
        ImageDataset train = split.train().shuffle();
        assertEquals(0, decodes, "decodes before any batch");

        Iterator<Dataset> batches = train.batches(3).iterator();
        assertEquals(0, decodes, "decodes before the first batch");
        batches.next();
        assertEquals(3, decodes, "decodes after the first batch");
        batches.next();
        batches.next();
        assertEquals(8, decodes, "decodes after all batches of the 8 training images");
    }

    @Test
    void yieldsBatchesOfResizedImagesWithTheirLabelsInTheShuffledOrder() {
        ImageDataset shuffled = ImageDataset.of(ten, labels, counting, 4, 5, 1).shuffle();
        assertEquals(4, shuffled.batchCount(3));
        List<Float> firstPixels = new ArrayList<>();
        int total = 0;
        for (Dataset batch : shuffled.batches(3)) {
            int n = batch.size();
            assertArrayEquals(new int[] {n, 4, 5, 1}, batch.features().shape());
            assertArrayEquals(new int[] {n}, batch.labels().shape());
            for (int i = 0; i < n; i++) {
                float pixel = batch.features().get(i * 20);
                assertEquals(pixel, batch.features().get(i * 20 + 19), "a constant image stays constant");
                assertEquals((pixel / 10) % 3, batch.labels().get(i), "label of the image filled with " + pixel);
                firstPixels.add(pixel);
            }
            total += n;
        }
        assertEquals(10, total);
        assertEquals(List.of(0f, 10f, 20f, 30f, 40f, 50f, 60f, 70f, 80f, 90f), firstPixels.stream().sorted().toList());
    }

    @Test
    void shufflesTheSameWayForTheSameSeed() {
        ImageDataset images = ImageDataset.of(ten, labels, counting, 2, 3, 1);
        RandomSeed.set(7);
        Tensor first = images.shuffle().batches(10).iterator().next().features();
        RandomSeed.set(7);
        Tensor second = images.shuffle().batches(10).iterator().next().features();
        assertEquals(first, second);
    }

    @Test
    void splitsOffTheLastFractionBeforeShuffling() {
        ImageDataset.Split split = ImageDataset.of(ten, labels, counting, 2, 3, 1).split(0.3);
        assertEquals(7, split.train().size());
        Dataset validation = split.validation().batches(10).iterator().next();
        assertArrayEquals(new float[] {70, 80, 90}, new float[] {validation.features().get(0),
            validation.features().get(6), validation.features().get(12)});
        assertArrayEquals(new float[] {1, 2, 0}, validation.labels().toArray());
    }

    @Test
    void resizesAsTheResizingLayer() {
        float[] pixels = new float[7 * 5 * 3];
        Random random = new Random(3);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt(256);
        }
        Tensor image = Tensor.of(new int[] {7, 5, 3}, pixels);
        for (int[] size : new int[][] {{3, 4}, {12, 9}, {7, 5}}) {
            Dataset batch = ImageDataset.of(List.of(new byte[1]), new int[] {0}, bytes -> image, size[0], size[1], 3)
                    .batches(1).iterator().next();
            Tensor expected = new Resizing(size[0], size[1]).apply(Tensor.of(new int[] {1, 7, 5, 3}, pixels));
            assertEquals(expected, batch.features(), "resized to " + size[0] + " × " + size[1]);
        }
    }

    @Test
    void convertsBetweenGreyscaleAndRgb() {
        Tensor grey = Tensor.of(new int[] {1, 1, 1}, new float[] {100});
        Tensor rgb = Tensor.of(new int[] {1, 1, 3}, new float[] {100, 200, 50});
        assertArrayEquals(new float[] {100, 100, 100}, firstImage(grey, 3));
        assertArrayEquals(new float[] {0.2989f * 100 + 0.5870f * 200 + 0.1140f * 50}, firstImage(rgb, 1), 1e-4f);
    }

    @Test
    void decodesPngsThroughThePngDecoder() {
        Random random = new Random(11);
        List<byte[]> pngs = new ArrayList<>();
        List<float[]> expected = new ArrayList<>();
        for (int colorType : new int[] {2, 6, 3}) {
            var image = PngFixtures.randomImage(colorType, 6, 4, random);
            pngs.add(PngFixtures.encode(image, "png"));
            expected.add(PngFixtures.expectedPixels(image, colorType));
        }
        Dataset batch = ImageDataset.of(pngs, new int[] {0, 1, 2}, PngDecoder::decode, 4, 6, 3)
                .batches(3).iterator().next();
        float[] features = batch.features().toArray();
        for (int i = 0; i < 3; i++) {
            float[] image = new float[4 * 6 * 3];
            System.arraycopy(features, i * image.length, image, 0, image.length);
            assertArrayEquals(expected.get(i), image, "image " + i + " at its own size");
        }
    }

    @Test
    void decodesPngsAndJpegsMixed() {
        var image = PngFixtures.randomImage(2, 5, 3, new Random(4));
        List<byte[]> images = List.of(PngFixtures.encode(image, "png"), PngFixtures.encode(image, "jpeg"));
        Dataset batch = ImageDataset.of(images, new int[] {0, 1}, ImageDecoder.pngOrJpeg(), 3, 5, 3)
                .batches(2).iterator().next();
        assertArrayEquals(new int[] {2, 3, 5, 3}, batch.features().shape());
        assertArrayEquals(PngFixtures.expectedPixels(image, 2), Arrays.copyOf(batch.features().toArray(), 45));
    }

    @Test
    void namesTheImageThatCannotBeDecoded() {
        List<byte[]> images = List.of(PngFixtures.encode(PngFixtures.randomImage(0, 2, 2, new Random(1)), "png"),
                new byte[] {1, 2, 3});
        ImageDataset dataset = ImageDataset.of(images, new int[] {0, 1}, ImageDecoder.pngOrJpeg(), 2, 2, 1);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> dataset.batches(2).iterator().next());
        assertEquals("images[1] cannot be decoded: not a PNG or JPEG image: the bytes start with neither signature"
                + " (got 3 bytes)", error.getMessage());
    }

    @Test
    void checksItsArguments() {
        assertEquals("images and labels must have the same length, got 10 images and 2 labels",
                assertThrows(IllegalArgumentException.class,
                        () -> ImageDataset.of(ten, new int[2], counting, 2, 2, 1)).getMessage());
        assertEquals("channels must be 1 (greyscale) or 3 (RGB), got 4", assertThrows(IllegalArgumentException.class,
                () -> ImageDataset.of(ten, labels, counting, 2, 2, 4)).getMessage());
        assertEquals("height and width must be positive, got 0 and 2", assertThrows(IllegalArgumentException.class,
                () -> ImageDataset.of(ten, labels, counting, 0, 2, 1)).getMessage());
    }

    private static float[] firstImage(Tensor image, int channels) {
        return ImageDataset.of(List.of(new byte[1]), new int[] {0}, bytes -> image, 1, 1, channels)
                .batches(1).iterator().next().features().toArray();
    }
}
