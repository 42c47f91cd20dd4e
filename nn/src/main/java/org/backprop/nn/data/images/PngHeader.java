package org.backprop.nn.data.images;

/**
 * The fields of a PNG's {@code IHDR} chunk that decoding needs, checked against what {@link PngDecoder} supports:
 * 8-bit samples, no interlacing.
 */
record PngHeader(int width, int height, int colorType) {
    static final int GREY = 0;
    static final int RGB = 2;
    static final int PALETTE = 3;
    static final int GREY_ALPHA = 4;
    static final int RGBA = 6;
    private static final int LENGTH = 13;

    /** Returns the header read from the {@code IHDR} chunk's {@code length} bytes at {@code offset}. */
    static PngHeader parse(byte[] png, int offset, int length) {
        if (length != LENGTH) {
            throw new IllegalArgumentException("corrupt PNG: the IHDR chunk holds " + length + " bytes, expected "
                    + LENGTH);
        }
        int width = PngDecoder.readInt(png, offset);
        int height = PngDecoder.readInt(png, offset + 4);
        int bitDepth = png[offset + 8] & 0xff;
        int colorType = png[offset + 9] & 0xff;
        int interlace = png[offset + 12] & 0xff;
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("corrupt PNG: the image is " + width + " × " + height + " pixels");
        }
        if (colorType != GREY && colorType != RGB && colorType != PALETTE && colorType != GREY_ALPHA
                && colorType != RGBA) {
            throw new IllegalArgumentException("corrupt PNG: colour type " + colorType + " does not exist");
        }
        if (bitDepth != 8) {
            throw new IllegalArgumentException(bitDepth + "-bit PNG images are not supported yet (only 8-bit)");
        }
        if (png[offset + 10] != 0 || png[offset + 11] != 0) {
            throw new IllegalArgumentException("corrupt PNG: compression method " + png[offset + 10]
                    + " and filter method " + png[offset + 11] + " (both must be 0)");
        }
        if (interlace != 0) {
            throw new IllegalArgumentException("interlaced (Adam7) PNG images are not supported yet");
        }
        return new PngHeader(width, height, colorType);
    }

    /** Returns the number of bytes per pixel in the image data: 1 to 4. */
    int bytesPerPixel() {
        switch (colorType) {
            case RGB:
                return 3;
            case GREY_ALPHA:
                return 2;
            case RGBA:
                return 4;
            default:
                return 1;
        }
    }

    /** Returns the number of channels decoded: 1 for greyscale (alpha dropped), 3 for colour. */
    int outputChannels() {
        return colorType == GREY || colorType == GREY_ALPHA ? 1 : 3;
    }

    /** Returns the number of bytes of one unfiltered row, without its filter-type byte. */
    int rowBytes() {
        return width * bytesPerPixel();
    }
}
