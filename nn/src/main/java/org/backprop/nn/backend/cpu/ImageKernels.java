package org.backprop.nn.backend.cpu;

/** Resampling of images {@code [batch, h, w, c]} through affine transforms, for augmentation layers. */
final class ImageKernels {
    private ImageKernels() {
    }

    /** See {@link org.backprop.nn.backend.Backend#transformImages}. */
    static float[] transform(float[] source, int batch, int height, int width, int channels, double[] transforms) {
        float[] out = new float[source.length];
        double[] m = new double[6];
        for (int n = 0; n < batch; n++) {
            System.arraycopy(transforms, n * 6, m, 0, 6);
            sampleImage(source, out, n * height * width * channels, height, width, channels, m);
        }
        return out;
    }

    private static void sampleImage(float[] source, float[] out, int base, int height, int width, int channels,
            double[] m) {
        double cy = (height - 1) / 2.0;
        double cx = (width - 1) / 2.0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double dx = x - cx;
                double dy = y - cy;
                double sx = reflect(m[0] * dx + m[1] * dy + m[2] + cx, width);
                double sy = reflect(m[3] * dx + m[4] * dy + m[5] + cy, height);
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                int x1 = Math.min(x0 + 1, width - 1);
                int y1 = Math.min(y0 + 1, height - 1);
                float fx = (float) (sx - x0);
                float fy = (float) (sy - y0);
                int target = base + (y * width + x) * channels;
                for (int c = 0; c < channels; c++) {
                    float top = source[base + (y0 * width + x0) * channels + c] * (1 - fx)
                            + source[base + (y0 * width + x1) * channels + c] * fx;
                    float bottom = source[base + (y1 * width + x0) * channels + c] * (1 - fx)
                            + source[base + (y1 * width + x1) * channels + c] * fx;
                    out[target + c] = top * (1 - fy) + bottom * fy;
                }
            }
        }
    }

    /** Folds a coordinate back into [0, size − 1] as a mirror at the image's edges would. */
    static double reflect(double coordinate, int size) {
        if (size == 1) {
            return 0;
        }
        double period = 2.0 * size;
        double c = (coordinate + 0.5) % period;
        if (c < 0) {
            c += period;
        }
        if (c >= size) {
            c = period - c;
        }
        return Math.min(Math.max(c - 0.5, 0), size - 1);
    }
}
