package org.backprop.nn.data.images;

import org.backprop.nn.Tensor;

/**
 * Turns the bytes of one encoded image into its pixels: a tensor of shape {@code [height, width, channels]},
 * channels last, values in [0, 255]. {@link PngDecoder#decode} is one; tests pass counting decoders.
 */
@FunctionalInterface
public interface ImageDecoder {
    /**
     * Returns the pixels of {@code encoded}, shape {@code [height, width, channels]}, or throws
     * {@link IllegalArgumentException} with a message saying what is wrong with the bytes.
     */
    Tensor decode(byte[] encoded);
}
