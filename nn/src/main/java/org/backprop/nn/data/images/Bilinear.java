package org.backprop.nn.data.images;

/**
 * Resizes one image bilinearly with half-pixel centres and no antialiasing, as {@code tf.image.resize} (and so
 * Keras's {@code image_dataset_from_directory} and {@code Resizing} layer) does.
 */
public final class Bilinear {
    private Bilinear() {
    }

    /**
     * Writes the image at {@code sourceOffset} of {@code source} ({@code [inHeight, inWidth, channels]},
     * row-major) resized to {@code [height, width, channels]} into {@code target} from {@code offset}.
     */
    public static void resize(float[] source, int sourceOffset, int inHeight, int inWidth, int channels,
            float[] target, int offset, int height, int width) {
        double scaleY = (double) inHeight / height;
        double scaleX = (double) inWidth / width;
        for (int y = 0; y < height; y++) {
            double sy = Math.min(Math.max((y + 0.5) * scaleY - 0.5, 0), inHeight - 1);
            int y0 = (int) sy;
            int y1 = Math.min(y0 + 1, inHeight - 1);
            float fy = (float) (sy - y0);
            for (int x = 0; x < width; x++) {
                double sx = Math.min(Math.max((x + 0.5) * scaleX - 0.5, 0), inWidth - 1);
                int x0 = (int) sx;
                int x1 = Math.min(x0 + 1, inWidth - 1);
                float fx = (float) (sx - x0);
                for (int c = 0; c < channels; c++) {
                    float top = source[sourceOffset + (y0 * inWidth + x0) * channels + c] * (1 - fx)
                            + source[sourceOffset + (y0 * inWidth + x1) * channels + c] * fx;
                    float bottom = source[sourceOffset + (y1 * inWidth + x0) * channels + c] * (1 - fx)
                            + source[sourceOffset + (y1 * inWidth + x1) * channels + c] * fx;
                    target[offset + (y * width + x) * channels + c] = top * (1 - fy) + bottom * fy;
                }
            }
        }
    }
}
