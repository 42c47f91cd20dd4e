package org.backprop.web.gpu.bench;

import java.util.List;
import org.backprop.nn.Tensor;
import org.backprop.nn.backend.Backend;
import org.backprop.nn.backend.ComposedAttention;
import org.backprop.nn.random.RandomGenerator;
import org.backprop.web.gpu.WebGpu;
import org.backprop.web.gpu.WebGpuBackend;

/**
 * Times attention on the WebGPU backend, forward alone and forward + backward, fused ({@link Backend#attention})
 * against {@link ComposedAttention} (batched products and softmax, with the backward formulas autograd applied
 * to them), for q, k, v of {@code [heads, steps, keyDim]}. Each figure is one step (kernels, submit, one readback of
 * the results), averaged over {@value #REPEATS} steps after two warm-ups. Prints one JSON line per shape;
 * {@code AttentionBenchmark} runs it in Node + Dawn. Not a test.
 */
public final class AttentionTiming {
    private static final int REPEATS = 10;

    private AttentionTiming() {
    }

    public static void main(String[] args) {
        WebGpu.Opened opened = WebGpu.open();
        if (opened.device() == null) {
            System.out.println("{\"unavailable\": \"" + opened.unavailableReason() + "\"}");
            return;
        }
        WebGpuBackend gpu = new WebGpuBackend(opened.device(), opened.adapterDescription());
        for (int[] shape : new int[][] {{32, 64, 32}, {16, 64, 16}, {8, 128, 64}}) {
            time(gpu, shape[0], shape[1], shape[2]);
        }
        System.out.println("{\"done\": 0, \"device\": \"" + gpu.device() + "\"}");
    }

    private static void time(Backend backend, int heads, int steps, int keyDim) {
        RandomGenerator random = new RandomGenerator(5);
        Tensor q = uniform(random, heads, steps, keyDim);
        Tensor k = uniform(random, heads, steps, keyDim);
        Tensor v = uniform(random, heads, steps, keyDim);
        Tensor dOutput = uniform(random, heads, steps, keyDim);
        for (Tensor tensor : new Tensor[] {q, k, v, dOutput}) {
            backend.retain(tensor);
        }
        double[] millis = new double[4];
        for (int repeat = -2; repeat < REPEATS; repeat++) {
            for (int variant = 0; variant < 4; variant++) {
                boolean fused = variant < 2;
                boolean backward = variant % 2 == 1;
                long started = System.nanoTime();
                backend.beginStep();
                List<Tensor> results = fused ? fused(backend, q, k, v, dOutput, backward)
                        : composed(backend, q, k, v, dOutput, backward);
                backend.fetch(results);
                backend.endStep();
                if (repeat >= 0) {
                    millis[variant] += (System.nanoTime() - started) / 1e6 / REPEATS;
                }
            }
        }
        System.out.println("{\"shape\": \"[" + heads + ", " + steps + ", " + keyDim + "]\", \"fusedForwardMs\": "
                + round(millis[0]) + ", \"fusedForwardBackwardMs\": " + round(millis[1])
                + ", \"composedForwardMs\": " + round(millis[2]) + ", \"composedForwardBackwardMs\": "
                + round(millis[3]) + "}");
        for (Tensor tensor : new Tensor[] {q, k, v, dOutput}) {
            backend.release(tensor);
        }
    }

    private static List<Tensor> fused(Backend backend, Tensor q, Tensor k, Tensor v, Tensor dOutput,
            boolean backward) {
        Tensor[] forward = backend.attention(q, k, v);
        if (!backward) {
            return List.of(forward[0]);
        }
        return List.of(backend.attentionBackward(q, k, v, forward[0], forward[1], dOutput));
    }

    /** The backend's products and softmax in place of the fused op: what it runs for widths the kernels do not take. */
    private static List<Tensor> composed(Backend backend, Tensor q, Tensor k, Tensor v, Tensor dOutput,
            boolean backward) {
        Tensor[] forward = ComposedAttention.forward(backend, q, k, v);
        if (!backward) {
            return List.of(forward[0]);
        }
        return List.of(ComposedAttention.backward(backend, q, k, v, dOutput));
    }

    private static Tensor uniform(RandomGenerator random, int... shape) {
        float[] values = new float[org.backprop.nn.Shapes.size(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat() * 2 - 1;
        }
        return Tensor.of(shape, values);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
