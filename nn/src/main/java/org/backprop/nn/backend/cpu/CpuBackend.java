package org.backprop.nn.backend.cpu;

import org.backprop.nn.Activation;
import org.backprop.nn.Tensor;
import org.backprop.nn.backend.Backend;

/** The reference backend in pure Java; every other backend is tested against it. */
public final class CpuBackend implements Backend {

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public Tensor dense(Tensor input, Tensor kernel, Tensor bias, Activation activation) {
        int batch = input.dim(0);
        int in = input.dim(1);
        int units = kernel.dim(1);
        float[] x = input.toArray();
        float[] w = kernel.toArray();
        float[] b = bias.toArray();
        float[] out = new float[batch * units];
        for (int row = 0; row < batch; row++) {
            int outRow = row * units;
            for (int unit = 0; unit < units; unit++) {
                out[outRow + unit] = b[unit];
            }
            // i-k-j order walks the kernel row by row, which keeps the inner loop sequential in memory.
            for (int k = 0; k < in; k++) {
                float xk = x[row * in + k];
                int kernelRow = k * units;
                for (int unit = 0; unit < units; unit++) {
                    out[outRow + unit] += xk * w[kernelRow + unit];
                }
            }
            if (activation == Activation.RELU) {
                for (int unit = 0; unit < units; unit++) {
                    out[outRow + unit] = Math.max(0f, out[outRow + unit]);
                }
            }
        }
        return Tensor.of(new int[] {batch, units}, out);
    }
}
