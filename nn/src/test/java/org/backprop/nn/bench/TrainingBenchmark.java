package org.backprop.nn.bench;

import org.backprop.nn.Tensor;
import org.backprop.nn.backend.cpu.CpuBackend;
import org.backprop.nn.examples.BenchModels;
import org.backprop.nn.internal.BackendInternals;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.random.RandomSeed;

/**
 * BENCH-CNN and BENCH-MLP of issue "nn" on the CPU backend: images (examples) per second over two epochs
 * after one warm-up epoch, on random data. Prints one JSON line per benchmark, for bench/cpu-training.mjs
 * to set beside TensorFlow.js's figures. Not a test: run it through that script.
 */
public final class TrainingBenchmark {
    private TrainingBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("--threads=all")) {
            BackendInternals.use(CpuBackend.multiThreaded());
        }
        String threads = args.length > 0 && args[0].equals("--threads=all")
                ? Runtime.getRuntime().availableProcessors() + " threads" : "1 thread";
        RandomSeed.set(1);
        report("BENCH-CNN", threads, BenchModels.cnn(32), BenchModels.uniform(2, 256, 32, 32, 3),
                BenchModels.labels(3, 256, 10), 32);
        report("BENCH-MLP", threads, BenchModels.mlp(), BenchModels.uniform(2, 2048, 784),
                BenchModels.labels(3, 2048, 10), 128);
    }

    private static void report(String name, String threads, Sequential model, Tensor x, Tensor y, int batchSize) {
        model.compile(new org.backprop.nn.optim.Adam(1e-3),
                new org.backprop.nn.losses.SparseCategoricalCrossentropy(false));
        model.fit(x, y, FitOptions.epochs(1).batchSize(batchSize).verbose(0));
        long started = System.nanoTime();
        model.fit(x, y, FitOptions.epochs(2).batchSize(batchSize).verbose(0));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.println("{\"benchmark\": \"" + name + "\", \"threads\": \"" + threads + "\", \"examplesPerSecond\": "
                + Math.round(2 * x.dim(0) / seconds * 10) / 10.0 + ", \"examples\": " + x.dim(0)
                + ", \"batchSize\": " + batchSize + "}");
    }
}
