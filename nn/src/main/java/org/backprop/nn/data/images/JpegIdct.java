package org.backprop.nn.data.images;

/** The 8 × 8 inverse DCT of baseline JPEG (ITU T.81 A.3.3), separable, in floating point. */
final class JpegIdct {
    /** {@code BASIS[x * 8 + u] = C(u) / 2 · cos((2x + 1) u π / 16)}, with C(0) = 1/√2 and C(u) = 1 otherwise. */
    private static final float[] BASIS = new float[64];

    static {
        for (int x = 0; x < 8; x++) {
            for (int u = 0; u < 8; u++) {
                double scale = u == 0 ? Math.sqrt(0.5) : 1;
                BASIS[x * 8 + u] = (float) (scale / 2 * Math.cos((2 * x + 1) * u * Math.PI / 16));
            }
        }
    }

    private JpegIdct() {
    }

    /**
     * Writes the samples of the dequantised coefficients {@code coefficients} (64, natural row-major order) into
     * the 8 × 8 block of {@code plane} at {@code offset}, rows {@code stride} apart, level-shifted and clamped to
     * [0, 255].
     */
    static void inverse(int[] coefficients, byte[] plane, int offset, int stride) {
        float[] rows = new float[64];
        for (int v = 0; v < 8; v++) {
            for (int x = 0; x < 8; x++) {
                float sum = 0;
                for (int u = 0; u < 8; u++) {
                    sum += BASIS[x * 8 + u] * coefficients[v * 8 + u];
                }
                rows[v * 8 + x] = sum;
            }
        }
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                float sum = 0;
                for (int v = 0; v < 8; v++) {
                    sum += BASIS[y * 8 + v] * rows[v * 8 + x];
                }
                int sample = Math.round(sum) + 128;
                plane[offset + y * stride + x] = (byte) Math.min(255, Math.max(0, sample));
            }
        }
    }
}
