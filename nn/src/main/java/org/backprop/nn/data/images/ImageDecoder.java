package org.backprop.nn.data.images;

import org.backprop.nn.Tensor;

/**
 * Turns the bytes of one encoded image into its pixels: a tensor of shape {@code [height, width, channels]},
 * channels last, values in [0, 255]. {@link PngDecoder#decode} and {@link JpegDecoder#decode} are two, and
 * {@link #pngOrJpeg()} picks between them by the bytes' signature.
 */
@FunctionalInterface
public interface ImageDecoder {
    /**
     * Returns the pixels of {@code encoded}, shape {@code [height, width, channels]}, or throws
     * {@link IllegalArgumentException} with a message saying what is wrong with the bytes.
     */
    Tensor decode(byte[] encoded);

    /** Returns a decoder of PNG and baseline JPEG images that tells them apart by their first bytes. */
    static ImageDecoder pngOrJpeg() {
        return encoded -> {
            if (PngDecoder.isPng(encoded)) {
                return PngDecoder.decode(encoded);
            }
            if (JpegDecoder.isJpeg(encoded)) {
                return JpegDecoder.decode(encoded);
            }
            throw new IllegalArgumentException("not a PNG or JPEG image: the bytes start with neither signature"
                    + (encoded == null ? " (got null)" : " (got " + encoded.length + " bytes)"));
        };
    }
}
