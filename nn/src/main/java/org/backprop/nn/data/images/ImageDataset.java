package org.backprop.nn.data.images;

import java.util.Arrays;
import java.util.List;
import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.data.Batching;
import org.backprop.nn.data.Dataset;
import org.backprop.nn.data.ExampleSource;
import org.backprop.nn.internal.TensorInternals;
import org.backprop.nn.random.RandomGenerator;
import org.backprop.nn.random.RandomSeed;

/**
 * Encoded images (PNG or JPEG bytes) with integer class labels, decoded only when a batch needs them, as Keras's
 * {@code image_dataset_from_directory} with the files already loaded: the library reads no files, so the browser
 * fetches them and the JVM reads them.
 *
 * <p>{@link #batches} yields in-memory {@link Dataset} batches: features {@code [n, height, width, channels]} with
 * values in [0, 255] (not rescaled, as Keras gives them; add a {@code Rescaling(1/255)} layer), labels {@code [n]}.
 * Each image is decoded by the {@link ImageDecoder} (usually {@link ImageDecoder#pngOrJpeg()}), converted to {@code channels} (greyscale is repeated into
 * RGB; RGB is turned grey with {@code tf.image.rgb_to_grayscale}'s weights) and resized bilinearly with
 * half-pixel centres to {@code height × width}. Nothing is cached: every pass over the batches decodes again,
 * so memory holds one batch of pixels, not the whole dataset.
 *
 * <p>Like {@link Dataset} it is immutable: {@link #shuffle()}, {@link #split} and {@link #slice} return views
 * that share the encoded images and own only an order. Keras's {@code validation_split} is {@link #split}
 * before {@link #shuffle()}: {@code var s = images.split(0.2); for (Dataset b : s.train().shuffle().batches(32))}.
 * Safe to share between threads if the decoder is.
 */
public final class ImageDataset implements ExampleSource {
    private static final float RED_WEIGHT = 0.2989f;
    private static final float GREEN_WEIGHT = 0.5870f;
    private static final float BLUE_WEIGHT = 0.1140f;

    private final List<byte[]> images;
    private final int[] labels;
    private final int[] rows;
    private final Format format;

    private ImageDataset(List<byte[]> images, int[] labels, int[] rows, Format format) {
        this.images = images;
        this.labels = labels;
        this.rows = rows;
        this.format = format;
    }

    /**
     * Returns a dataset of {@code images} (encoded bytes, not decoded yet) labelled {@code labels}, whose batches
     * hold images decoded by {@code decoder} and resized to {@code height × width × channels} ({@code channels}
     * 1 for greyscale, 3 for RGB, as Keras's {@code color_mode}). The lists are copied; the byte arrays are not
     * and must not change.
     */
    public static ImageDataset of(List<byte[]> images, int[] labels, ImageDecoder decoder, int height, int width,
            int channels) {
        if (images == null || labels == null || decoder == null) {
            throw new IllegalArgumentException("images, labels and decoder must not be null");
        }
        if (images.size() != labels.length) {
            throw new IllegalArgumentException("images and labels must have the same length, got " + images.size()
                    + " images and " + labels.length + " labels");
        }
        for (int i = 0; i < labels.length; i++) {
            if (images.get(i) == null || labels[i] < 0) {
                throw new IllegalArgumentException("images[" + i + "] must not be null and labels[" + i
                        + "] must be a class index from 0, got " + labels[i]);
            }
        }
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("height and width must be positive, got " + height + " and " + width);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 (greyscale) or 3 (RGB), got " + channels);
        }
        return new ImageDataset(List.copyOf(images), labels.clone(), identity(labels.length),
                new Format(decoder, height, width, channels));
    }

    /** Returns the number of images. */
    @Override
    public int size() {
        return rows.length;
    }

    /** Returns the shape of one example's features, {@code [height, width, channels]}. */
    @Override
    public int[] featureShape() {
        return new int[] {format.height, format.width, format.channels};
    }

    /** Returns the same images in a random order drawn from the program's seeded generator ({@link RandomSeed}). */
    public ImageDataset shuffle() {
        return shuffle(RandomSeed.generator());
    }

    /** Returns the same images in a random order drawn from {@code random}. */
    @Override
    public ImageDataset shuffle(RandomGenerator random) {
        int[] order = rows.clone();
        random.shuffle(order);
        return new ImageDataset(images, labels, order, format);
    }

    /** Returns images {@code [from, to)} of this dataset, in its order, without decoding them. */
    @Override
    public ImageDataset slice(int from, int to) {
        if (from < 0 || to > rows.length || from > to) {
            throw new IllegalArgumentException("slice [" + from + ", " + to + ") is outside the dataset's "
                    + rows.length + " images");
        }
        return new ImageDataset(images, labels, Arrays.copyOfRange(rows, from, to), format);
    }

    /**
     * Splits off the last {@code validationFraction} of the images for validation, as Keras's
     * {@code validation_split} and {@link Dataset#split}: the first {@code floor(size * (1 - validationFraction))}
     * images train, the rest validate, in the current order.
     */
    public Split split(double validationFraction) {
        int trainSize = Batching.trainSize(rows.length, validationFraction, "images");
        return new Split(slice(0, trainSize), slice(trainSize, rows.length));
    }

    /** Returns how many batches {@link #batches(int)} yields: {@code ceil(size / batchSize)}. */
    @Override
    public int batchCount(int batchSize) {
        return Batching.batchCount(rows.length, batchSize);
    }

    /**
     * Returns consecutive batches of {@code batchSize} images in this dataset's order, the last one holding the
     * remainder; each batch's images are decoded when the iterator reaches it. Features
     * {@code [n, height, width, channels]} in [0, 255], labels {@code [n]}.
     */
    @Override
    public Iterable<Dataset> batches(int batchSize) {
        return Batching.batches(rows.length, batchSize, this::decode);
    }

    private Dataset decode(int from, int to) {
        int n = to - from;
        int imageSize = format.height * format.width * format.channels;
        float[] features = new float[n * imageSize];
        float[] batchLabels = new float[n];
        for (int i = 0; i < n; i++) {
            int row = rows[from + i];
            Tensor image = decodeImage(row);
            float[] pixels = toChannels(TensorInternals.values(image), image.dim(2), format.channels);
            Bilinear.resize(pixels, 0, image.dim(0), image.dim(1), format.channels, features, i * imageSize,
                    format.height, format.width);
            batchLabels[i] = labels[row];
        }
        return Dataset.of(TensorInternals.wrap(new int[] {n, format.height, format.width, format.channels}, features),
                TensorInternals.wrap(new int[] {n}, batchLabels));
    }

    private Tensor decodeImage(int row) {
        Tensor image;
        try {
            image = format.decoder.decode(images.get(row));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("images[" + row + "] cannot be decoded: " + e.getMessage(), e);
        }
        if (image.rank() != 3 || image.dim(0) == 0 || image.dim(1) == 0 || (image.dim(2) != 1 && image.dim(2) != 3)) {
            throw new IllegalArgumentException("images[" + row + "] decoded to shape " + Shapes.describe(image.shape())
                    + ", but images must be (height, width, 1 or 3)");
        }
        return image;
    }

    private static float[] toChannels(float[] pixels, int from, int to) {
        if (from == to) {
            return pixels;
        }
        int count = pixels.length / from;
        float[] out = new float[count * to];
        for (int p = 0; p < count; p++) {
            if (to == 3) {
                Arrays.fill(out, p * 3, p * 3 + 3, pixels[p]);
            } else {
                out[p] = RED_WEIGHT * pixels[p * 3] + GREEN_WEIGHT * pixels[p * 3 + 1] + BLUE_WEIGHT * pixels[p * 3 + 2];
            }
        }
        return out;
    }

    private static int[] identity(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }


    /** An image dataset split into the images that train and those that validate. */
    public record Split(ImageDataset train, ImageDataset validation) {
    }

    /** How every image is decoded and what shape it is resized to. */
    private record Format(ImageDecoder decoder, int height, int width, int channels) {
    }
}
