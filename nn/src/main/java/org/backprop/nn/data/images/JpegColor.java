package org.backprop.nn.data.images;

import org.backprop.nn.Tensor;
import org.backprop.nn.internal.TensorInternals;

/**
 * Turns decoded JPEG component planes into pixels: upsamples subsampled components as libjpeg's "fancy"
 * upsampling does (triangle filter for 2 × 1 and 2 × 2, so results match ImageIO's within rounding; other
 * ratios repeat samples), then converts YCbCr to RGB with the JFIF equations.
 */
final class JpegColor {
    private JpegColor() {
    }

    /** Returns {@code [height, width, 1]} for one component (greyscale) or {@code [height, width, 3]} for YCbCr. */
    static Tensor toPixels(JpegComponent[] components, JpegFrameSize frame) {
        int pixels = frame.width() * frame.height();
        int[][] planes = new int[components.length][];
        for (int i = 0; i < components.length; i++) {
            planes[i] = upsample(components[i], frame);
        }
        float[] values = new float[pixels * components.length];
        for (int p = 0; p < pixels; p++) {
            if (components.length == 1) {
                values[p] = planes[0][p];
            } else {
                float y = planes[0][p];
                float cb = planes[1][p] - 128;
                float cr = planes[2][p] - 128;
                values[p * 3] = clamp(y + 1.402f * cr);
                values[p * 3 + 1] = clamp(y - 0.344136f * cb - 0.714136f * cr);
                values[p * 3 + 2] = clamp(y + 1.772f * cb);
            }
        }
        return TensorInternals.wrap(new int[] {frame.height(), frame.width(), components.length}, values);
    }

    private static int[] upsample(JpegComponent c, JpegFrameSize frame) {
        int scaleX = frame.maxHorizontal() / c.horizontal;
        int scaleY = frame.maxVertical() / c.vertical;
        boolean fancy = scaleX == 2 && scaleY <= 2 && frame.maxHorizontal() % c.horizontal == 0
                && frame.maxVertical() % c.vertical == 0;
        int[] out = new int[frame.width() * frame.height()];
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                int value;
                if (fancy && scaleY == 1) {
                    int i = x / 2;
                    value = (3 * c.sample(i, y) + c.sample(x % 2 == 0 ? i - 1 : i + 1, y) + 1 + x % 2) >> 2;
                } else if (fancy) {
                    int i = x / 2;
                    int j = y / 2;
                    int neighbourRow = y % 2 == 0 ? j - 1 : j + 1;
                    int here = 3 * c.sample(i, j) + c.sample(i, neighbourRow);
                    int column = x % 2 == 0 ? i - 1 : i + 1;
                    int beside = 3 * c.sample(column, j) + c.sample(column, neighbourRow);
                    value = (3 * here + beside + 8 - x % 2) >> 4;
                } else {
                    value = c.sample(x * c.horizontal / frame.maxHorizontal(), y * c.vertical / frame.maxVertical());
                }
                out[y * frame.width() + x] = value;
            }
        }
        return out;
    }

    private static float clamp(float value) {
        return Math.min(255, Math.max(0, Math.round(value)));
    }
}
