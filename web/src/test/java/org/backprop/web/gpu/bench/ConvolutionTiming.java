package org.backprop.web.gpu.bench;

import org.backprop.nn.Tensor;
import org.backprop.nn.backend.Backend;
import org.backprop.nn.backend.ConvGeometry;
import org.backprop.nn.backend.cpu.CpuBackend;
import org.backprop.nn.examples.BenchModels;
import org.backprop.nn.internal.BackendInternals;
import org.backprop.nn.losses.SparseCategoricalCrossentropy;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.optim.Adam;
import org.backprop.nn.random.RandomGenerator;
import org.backprop.nn.random.RandomSeed;
import org.backprop.web.gpu.WebGpu;
import org.backprop.web.gpu.WebGpuBackend;

/**
 * Times BENCH-CNN's two convolutions (3×3 "valid", batch 32: [32, 32, 32, 3] → 16 filters and
 * [32, 15, 15, 16] → 32 filters), forward and both gradients, on the WebGPU backend and on the CPU backend in
 * the same JavaScript engine, then trains BENCH-CNN itself on the WebGPU backend (one epoch after a warm-up epoch). Prints one JSON line per
 * figure; {@code ConvolutionBenchmark} runs it in Node + Dawn. Not a test.
 */
public final class ConvolutionTiming {
    private static final int REPEATS = 10;
    /** BENCH-CNN trains on 256 images; a quarter keeps the run short under SwiftShader, at the same batch size. */
    private static final int IMAGES = 64;

    private ConvolutionTiming() {
    }

    public static void main(String[] args) {
        WebGpu.Opened opened = WebGpu.open();
        if (opened.device() == null) {
            System.out.println("{\"unavailable\": \"" + opened.unavailableReason() + "\"}");
            return;
        }
        WebGpuBackend gpu = new WebGpuBackend(opened.device(), opened.adapterDescription());
        Backend cpu = new CpuBackend();
        int[][] layers = {{32, 32, 32, 3, 16}, {32, 15, 15, 16, 32}};
        for (int[] layer : layers) {
            for (Backend backend : new Backend[] {gpu, cpu}) {
                time(backend, layer);
            }
        }
        trainBenchCnn(gpu);
        System.out.println("{\"done\": 0}");
    }

    private static void time(Backend backend, int[] layer) {
        BackendInternals.use(backend);
        RandomGenerator random = new RandomGenerator(7);
        Tensor x = uniform(random, layer[0], layer[1], layer[2], layer[3]);
        Tensor kernel = uniform(random, 3, 3, layer[3], layer[4]);
        ConvGeometry g = ConvGeometry.of(layer[1], layer[2], 3, 3, 1, 1, "valid");
        Tensor dy = uniform(random, layer[0], g.outHeight, g.outWidth, layer[4]);
        backend.retain(x);
        backend.retain(kernel);
        backend.retain(dy);
        double[] millis = new double[3];
        for (int repeat = -2; repeat < REPEATS; repeat++) {
            for (int op = 0; op < 3; op++) {
                long started = System.nanoTime();
                backend.beginStep();
                Tensor result = op == 0 ? backend.conv2d(x, kernel, g)
                        : op == 1 ? backend.conv2dBackwardInput(dy, kernel, x.shape(), g)
                        : backend.conv2dBackwardKernel(x, dy, kernel.shape(), g);
                // Reading one value waits for the kernels; its copy is small next to the work.
                result.toArray();
                backend.endStep();
                if (repeat >= 0) {
                    millis[op] += (System.nanoTime() - started) / 1e6 / REPEATS;
                }
            }
        }
        String[] names = {"forward", "backwardInput", "backwardKernel"};
        StringBuilder line = new StringBuilder("{\"backend\": \"" + backend.name() + "\", \"x\": \"[" + layer[0]
                + "," + layer[1] + "," + layer[2] + "," + layer[3] + "]\", \"filters\": " + layer[4]);
        double total = 0;
        for (int op = 0; op < 3; op++) {
            line.append(", \"").append(names[op]).append("Ms\": ").append(round(millis[op]));
            total += millis[op];
        }
        System.out.println(line.append(", \"totalMs\": ").append(round(total)).append("}"));
        backend.release(x);
        backend.release(kernel);
        backend.release(dy);
    }

    private static void trainBenchCnn(Backend backend) {
        BackendInternals.use(backend);
        RandomSeed.set(1);
        Sequential cnn = BenchModels.cnn(32);
        cnn.compile(new Adam(1e-3), new SparseCategoricalCrossentropy(false));
        Tensor x = BenchModels.uniform(2, IMAGES, 32, 32, 3);
        Tensor y = BenchModels.labels(3, IMAGES, 10);
        cnn.fit(x, y, FitOptions.epochs(1).batchSize(32).verbose(0));
        long started = System.nanoTime();
        cnn.fit(x, y, FitOptions.epochs(1).batchSize(32).verbose(0));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.println("{\"benchmark\": \"BENCH-CNN\", \"backend\": \"" + backend.name()
                + "\", \"imagesPerSecond\": " + round(IMAGES / seconds) + "}");
    }

    private static Tensor uniform(RandomGenerator random, int... shape) {
        float[] values = new float[org.backprop.nn.Shapes.size(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat() * 2 - 1;
        }
        return Tensor.of(shape, values);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
