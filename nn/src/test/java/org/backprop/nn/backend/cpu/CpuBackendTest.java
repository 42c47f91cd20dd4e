package org.backprop.nn.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.backprop.nn.Activation;
import org.backprop.nn.Tensor;
import org.junit.jupiter.api.Test;

class CpuBackendTest {
    private final CpuBackend backend = new CpuBackend();

    @Test
    void multipliesAddsBiasPerUnitAndAppliesRelu() {
        Tensor input = Tensor.of(new float[][] {{1, 2}, {-3, 4}});
        Tensor kernel = Tensor.of(new float[][] {{1, -1, 0.5f}, {2, 1, -1}});
        Tensor bias = Tensor.of(new float[] {0.5f, 0, -2});

        // Row 0: [1+4+0.5, -1+2+0, 0.5-2-2]; row 1: [-3+8+0.5, 3+4+0, -1.5-4-2], worked by hand.
        assertArrayEquals(new float[] {5.5f, 1, -3.5f, 5.5f, 7, -7.5f},
                backend.dense(input, kernel, bias, Activation.LINEAR).toArray(), 1e-6f);
        assertArrayEquals(new float[] {5.5f, 1, 0, 5.5f, 7, 0},
                backend.dense(input, kernel, bias, Activation.RELU).toArray(), 1e-6f);
    }
}
