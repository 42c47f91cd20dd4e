package org.backprop.nn.applications;

import org.backprop.nn.Tensor;

/** Keras's {@code imagenet_utils.preprocess_input} modes, for images {@code [..., 3]} in RGB with values 0 to 255. */
final class ImageNetPreprocessing {
    /** The ImageNet channel means, in BGR order, that Keras's {@code "caffe"} preprocessing subtracts. */
    private static final float[] BGR_MEANS = {103.939f, 116.779f, 123.68f};

    private ImageNetPreprocessing() {
    }

    /** Keras's {@code "caffe"} mode (VGG): channels reversed to BGR and each ImageNet mean subtracted, no scaling. */
    static Tensor caffe(Tensor images) {
        float[] rgb = rgbValues(images);
        float[] bgr = new float[rgb.length];
        for (int pixel = 0; pixel < rgb.length; pixel += 3) {
            for (int channel = 0; channel < 3; channel++) {
                // Float arithmetic, as Keras subtracts the means from a float32 array.
                bgr[pixel + channel] = rgb[pixel + 2 - channel] - BGR_MEANS[channel];
            }
        }
        return Tensor.of(images.shape(), bgr);
    }

    /** Keras's {@code "tf"} mode (Inception): values scaled from 0…255 to −1…1, {@code x / 127.5 − 1}. */
    static Tensor tf(Tensor images) {
        float[] values = rgbValues(images);
        float[] scaled = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            // Keras's order of float32 operations: x /= 127.5; x -= 1.
            scaled[i] = values[i] / 127.5f - 1f;
        }
        return Tensor.of(images.shape(), scaled);
    }

    private static float[] rgbValues(Tensor images) {
        if (images == null) {
            throw new IllegalArgumentException("images must not be null");
        }
        int[] shape = images.shape();
        if (shape.length == 0 || shape[shape.length - 1] != 3) {
            throw new IllegalArgumentException("images must have 3 channels (RGB) on the last axis, got shape "
                    + Tensor.describe(shape));
        }
        return images.toArray();
    }
}
