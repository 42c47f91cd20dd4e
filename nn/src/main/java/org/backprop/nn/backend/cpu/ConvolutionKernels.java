package org.backprop.nn.backend.cpu;

import org.backprop.nn.backend.ConvGeometry;

/**
 * Convolution and pooling on NHWC arrays. Convolution goes through im2col: each image's windows become
 * the rows of a matrix, so that the heavy lifting is one matrix product per image.
 */
final class ConvolutionKernels {
    private ConvolutionKernels() {
    }

    /** Returns image {@code n}'s windows as a {@code [outH·outW, kh·kw·c]} matrix, zeros where padded. */
    static float[] im2col(float[] x, int n, int channels, ConvGeometry g) {
        int rowLength = g.windowHeight * g.windowWidth * channels;
        float[] cols = new float[g.outHeight * g.outWidth * rowLength];
        int imageOffset = n * g.inHeight * g.inWidth * channels;
        int row = 0;
        for (int oy = 0; oy < g.outHeight; oy++) {
            for (int ox = 0; ox < g.outWidth; ox++) {
                int col = row * rowLength;
                for (int ky = 0; ky < g.windowHeight; ky++) {
                    int iy = oy * g.strideHeight - g.padTop + ky;
                    for (int kx = 0; kx < g.windowWidth; kx++) {
                        int ix = ox * g.strideWidth - g.padLeft + kx;
                        if (iy >= 0 && iy < g.inHeight && ix >= 0 && ix < g.inWidth) {
                            System.arraycopy(x, imageOffset + (iy * g.inWidth + ix) * channels, cols, col, channels);
                        }
                        col += channels;
                    }
                }
                row++;
            }
        }
        return cols;
    }

    /** Adds the window matrix {@code cols} back onto image {@code n} of {@code dx}: the inverse of im2col. */
    static void col2imAdd(float[] cols, float[] dx, int n, int channels, ConvGeometry g) {
        int rowLength = g.windowHeight * g.windowWidth * channels;
        int imageOffset = n * g.inHeight * g.inWidth * channels;
        int row = 0;
        for (int oy = 0; oy < g.outHeight; oy++) {
            for (int ox = 0; ox < g.outWidth; ox++) {
                int col = row * rowLength;
                for (int ky = 0; ky < g.windowHeight; ky++) {
                    int iy = oy * g.strideHeight - g.padTop + ky;
                    for (int kx = 0; kx < g.windowWidth; kx++) {
                        int ix = ox * g.strideWidth - g.padLeft + kx;
                        if (iy >= 0 && iy < g.inHeight && ix >= 0 && ix < g.inWidth) {
                            int target = imageOffset + (iy * g.inWidth + ix) * channels;
                            for (int c = 0; c < channels; c++) {
                                dx[target + c] += cols[col + c];
                            }
                        }
                        col += channels;
                    }
                }
                row++;
            }
        }
    }

    static float[] conv2d(float[] x, int batch, int channels, float[] kernel, int filters, ConvGeometry g,
            Parallelism parallelism) {
        int positions = g.outHeight * g.outWidth;
        int rowLength = g.windowHeight * g.windowWidth * channels;
        float[] out = new float[batch * positions * filters];
        parallelism.forEach(batch, n -> {
            float[] product = Kernels.matmul(im2col(x, n, channels, g), kernel, positions, rowLength, filters,
                    Parallelism.SEQUENTIAL);
            System.arraycopy(product, 0, out, n * positions * filters, product.length);
        });
        return out;
    }

    static float[] conv2dBackwardInput(float[] dy, float[] kernel, int batch, int channels, int filters,
            ConvGeometry g, Parallelism parallelism) {
        int positions = g.outHeight * g.outWidth;
        int rowLength = g.windowHeight * g.windowWidth * channels;
        float[] kernelTransposed = new float[kernel.length];
        for (int k = 0; k < rowLength; k++) {
            for (int f = 0; f < filters; f++) {
                kernelTransposed[f * rowLength + k] = kernel[k * filters + f];
            }
        }
        float[] dx = new float[batch * g.inHeight * g.inWidth * channels];
        // Each image writes only its own part of dx, so images can run at once.
        parallelism.forEach(batch, n -> {
            float[] dyImage = new float[positions * filters];
            System.arraycopy(dy, n * positions * filters, dyImage, 0, dyImage.length);
            float[] cols = Kernels.matmul(dyImage, kernelTransposed, positions, filters, rowLength,
                    Parallelism.SEQUENTIAL);
            col2imAdd(cols, dx, n, channels, g);
        });
        return dx;
    }

    /** The fixed number of partial kernel gradients a batch is split into, summed in order at the end. */
    private static final int KERNEL_GRADIENT_PARTS = 4;

    static float[] conv2dBackwardKernel(float[] x, float[] dy, int batch, int channels, int filters,
            ConvGeometry g, Parallelism parallelism) {
        int rowLength = g.windowHeight * g.windowWidth * channels;
        int parts = Math.min(batch, KERNEL_GRADIENT_PARTS);
        float[][] partial = new float[parts][];
        parallelism.forEach(parts, part -> partial[part] = kernelGradient(x, dy, part * batch / parts,
                (part + 1) * batch / parts, channels, filters, g));
        float[] dk = new float[rowLength * filters];
        for (float[] values : partial) {
            for (int i = 0; i < dk.length; i++) {
                dk[i] += values[i];
            }
        }
        return dk;
    }

    private static float[] kernelGradient(float[] x, float[] dy, int from, int to, int channels, int filters,
            ConvGeometry g) {
        int positions = g.outHeight * g.outWidth;
        int rowLength = g.windowHeight * g.windowWidth * channels;
        float[] dk = new float[rowLength * filters];
        for (int n = from; n < to; n++) {
            float[] cols = im2col(x, n, channels, g);
            int dyOffset = n * positions * filters;
            for (int p = 0; p < positions; p++) {
                int dyRow = dyOffset + p * filters;
                for (int k = 0; k < rowLength; k++) {
                    float a = cols[p * rowLength + k];
                    if (a == 0f) {
                        continue;
                    }
                    int dkRow = k * filters;
                    for (int f = 0; f < filters; f++) {
                        dk[dkRow + f] += a * dy[dyRow + f];
                    }
                }
            }
        }
        return dk;
    }

    static float[] depthwise(float[] x, float[] kernel, int batch, int channels, int multiplier, ConvGeometry g) {
        int outChannels = channels * multiplier;
        float[] out = new float[batch * g.outHeight * g.outWidth * outChannels];
        for (int n = 0; n < batch; n++) {
            for (int oy = 0; oy < g.outHeight; oy++) {
                for (int ox = 0; ox < g.outWidth; ox++) {
                    int outBase = ((n * g.outHeight + oy) * g.outWidth + ox) * outChannels;
                    for (int ky = 0; ky < g.windowHeight; ky++) {
                        int iy = oy * g.strideHeight - g.padTop + ky;
                        if (iy < 0 || iy >= g.inHeight) {
                            continue;
                        }
                        for (int kx = 0; kx < g.windowWidth; kx++) {
                            int ix = ox * g.strideWidth - g.padLeft + kx;
                            if (ix < 0 || ix >= g.inWidth) {
                                continue;
                            }
                            int inBase = ((n * g.inHeight + iy) * g.inWidth + ix) * channels;
                            int kernelBase = (ky * g.windowWidth + kx) * outChannels;
                            for (int c = 0; c < channels; c++) {
                                float value = x[inBase + c];
                                for (int m = 0; m < multiplier; m++) {
                                    out[outBase + c * multiplier + m] += value * kernel[kernelBase + c * multiplier + m];
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Computes both gradients of the depthwise convolution in one pass; either target may be null. */
    static void depthwiseBackward(float[] x, float[] kernel, float[] dy, float[] dx, float[] dk, int batch,
            int channels, int multiplier, ConvGeometry g) {
        int outChannels = channels * multiplier;
        for (int n = 0; n < batch; n++) {
            for (int oy = 0; oy < g.outHeight; oy++) {
                for (int ox = 0; ox < g.outWidth; ox++) {
                    int outBase = ((n * g.outHeight + oy) * g.outWidth + ox) * outChannels;
                    for (int ky = 0; ky < g.windowHeight; ky++) {
                        int iy = oy * g.strideHeight - g.padTop + ky;
                        if (iy < 0 || iy >= g.inHeight) {
                            continue;
                        }
                        for (int kx = 0; kx < g.windowWidth; kx++) {
                            int ix = ox * g.strideWidth - g.padLeft + kx;
                            if (ix < 0 || ix >= g.inWidth) {
                                continue;
                            }
                            int inBase = ((n * g.inHeight + iy) * g.inWidth + ix) * channels;
                            int kernelBase = (ky * g.windowWidth + kx) * outChannels;
                            for (int c = 0; c < channels; c++) {
                                for (int m = 0; m < multiplier; m++) {
                                    float upstream = dy[outBase + c * multiplier + m];
                                    if (dx != null) {
                                        dx[inBase + c] += upstream * kernel[kernelBase + c * multiplier + m];
                                    }
                                    if (dk != null) {
                                        dk[kernelBase + c * multiplier + m] += upstream * x[inBase + c];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Pools each window; {@code max} selects max pooling, else average over the positions inside the input.
     * With {@code dy} given, returns the gradient with respect to x instead of the pooled values.
     */
    static float[] pool(float[] x, float[] dy, int batch, int channels, ConvGeometry g, boolean max) {
        float[] out = dy == null ? new float[batch * g.outHeight * g.outWidth * channels]
                : new float[batch * g.inHeight * g.inWidth * channels];
        for (int n = 0; n < batch; n++) {
            for (int oy = 0; oy < g.outHeight; oy++) {
                int y0 = Math.max(0, oy * g.strideHeight - g.padTop);
                int y1 = Math.min(g.inHeight, oy * g.strideHeight - g.padTop + g.windowHeight);
                for (int ox = 0; ox < g.outWidth; ox++) {
                    int x0 = Math.max(0, ox * g.strideWidth - g.padLeft);
                    int x1 = Math.min(g.inWidth, ox * g.strideWidth - g.padLeft + g.windowWidth);
                    int outBase = ((n * g.outHeight + oy) * g.outWidth + ox) * channels;
                    for (int c = 0; c < channels; c++) {
                        poolWindow(x, dy, out, n, c, channels, outBase + c, y0, y1, x0, x1, g, max);
                    }
                }
            }
        }
        return out;
    }

    private static void poolWindow(float[] x, float[] dy, float[] out, int n, int c, int channels, int outIndex,
            int y0, int y1, int x0, int x1, ConvGeometry g, boolean max) {
        if (max) {
            int best = -1;
            float bestValue = Float.NEGATIVE_INFINITY;
            for (int iy = y0; iy < y1; iy++) {
                for (int ix = x0; ix < x1; ix++) {
                    int index = ((n * g.inHeight + iy) * g.inWidth + ix) * channels + c;
                    if (best < 0 || x[index] > bestValue) {
                        best = index;
                        bestValue = x[index];
                    }
                }
            }
            if (dy == null) {
                out[outIndex] = bestValue;
            } else if (best >= 0) {
                out[best] += dy[outIndex];
            }
            return;
        }
        int count = (y1 - y0) * (x1 - x0);
        float sum = 0;
        for (int iy = y0; iy < y1; iy++) {
            for (int ix = x0; ix < x1; ix++) {
                int index = ((n * g.inHeight + iy) * g.inWidth + ix) * channels + c;
                if (dy == null) {
                    sum += x[index];
                } else {
                    out[index] += dy[outIndex] / count;
                }
            }
        }
        if (dy == null) {
            out[outIndex] = sum / count;
        }
    }
}
