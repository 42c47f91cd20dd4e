package org.backprop.nn.backend.cpu;

/** The analytic backward pass of batch and layer normalisation over x viewed as {@code [rows, channels]}. */
final class NormalizationKernels {
    private NormalizationKernels() {
    }

    /**
     * Returns {@code {dx, dgamma, dbeta}}; the statistics are per channel ({@code perChannel}) or per row. Sums
     * are taken in double: this is the reference the GPU's float sums are held to.
     */
    static float[][] backward(boolean perChannel, float[] x, float[] mean, float[] variance, float[] gamma,
            float[] dy, int rows, int channels, float epsilon) {
        int statistics = perChannel ? channels : rows;
        float[] invStd = new float[statistics];
        for (int s = 0; s < statistics; s++) {
            invStd[s] = 1f / (float) Math.sqrt(variance[s] + epsilon);
        }
        double[] dGamma = new double[channels];
        double[] dBeta = new double[channels];
        // Per statistic: Σ g and Σ g · x̂ with g = dy · gamma, the two sums dx needs.
        double[] sumG = new double[statistics];
        double[] sumGXHat = new double[statistics];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < channels; c++) {
                int i = r * channels + c;
                int s = perChannel ? c : r;
                float xHat = (x[i] - mean[s]) * invStd[s];
                float g = dy[i] * gamma[c];
                dGamma[c] += dy[i] * xHat;
                dBeta[c] += dy[i];
                sumG[s] += g;
                sumGXHat[s] += g * xHat;
            }
        }
        int count = perChannel ? rows : channels;
        float[] dx = new float[x.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < channels; c++) {
                int i = r * channels + c;
                int s = perChannel ? c : r;
                float xHat = (x[i] - mean[s]) * invStd[s];
                float g = dy[i] * gamma[c];
                dx[i] = (float) (invStd[s] / count * (count * (double) g - sumG[s] - xHat * sumGXHat[s]));
            }
        }
        return new float[][] {dx, toFloats(dGamma), toFloats(dBeta)};
    }

    private static float[] toFloats(double[] values) {
        float[] result = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (float) values[i];
        }
        return result;
    }
}
