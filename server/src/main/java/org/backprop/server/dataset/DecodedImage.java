package org.backprop.server.dataset;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * One image as pixels: {@code [height, width, channels]} floats in [0, 255], row-major, 1 channel for grey
 * images and 3 for colour ones (alpha is dropped, as Keras's {@code color_mode="rgb"} does).
 */
record DecodedImage(int height, int width, int channels, float[] pixels) {

    /** Decodes PNG, JPEG, BMP or GIF bytes; {@code where} names the file and record for the error message. */
    static DecodedImage decode(byte[] encoded, String where) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(encoded));
        } catch (IOException | RuntimeException e) {
            throw new DatasetImportException(where + ": the image cannot be decoded (" + e.getMessage() + ").", e);
        }
        if (image == null) {
            throw new DatasetImportException(where + ": the image cannot be decoded: it is not a PNG, JPEG, BMP or"
                    + " GIF image, or it is damaged.");
        }
        int height = image.getHeight();
        int width = image.getWidth();
        if (isGrey(image)) {
            // Read the samples themselves: getRGB would pass grey through a linear colour space and brighten it.
            Raster raster = image.getRaster();
            float scale = image.getType() == BufferedImage.TYPE_USHORT_GRAY ? 255f / 65535f : 1f;
            float[] pixels = new float[height * width];
            raster.getSamples(0, 0, width, height, 0, pixels);
            if (scale != 1f) {
                for (int i = 0; i < pixels.length; i++) {
                    pixels[i] = Math.round(pixels[i] * scale);
                }
            }
            return new DecodedImage(height, width, 1, pixels);
        }
        float[] pixels = new float[height * width * 3];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int at = (y * width + x) * 3;
                pixels[at] = (row[x] >> 16) & 0xff;
                pixels[at + 1] = (row[x] >> 8) & 0xff;
                pixels[at + 2] = row[x] & 0xff;
            }
        }
        return new DecodedImage(height, width, 3, pixels);
    }

    private static boolean isGrey(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_BYTE_GRAY || image.getType() == BufferedImage.TYPE_USHORT_GRAY;
    }
}
