package org.backprop.nn.bench;

import org.backprop.nn.Input;
import org.backprop.nn.Tensor;
import org.backprop.nn.backend.Backends;
import org.backprop.nn.backend.cpu.CpuBackend;
import org.backprop.nn.layers.Conv2D;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Flatten;
import org.backprop.nn.layers.MaxPooling2D;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.random.RandomGenerator;
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
            Backends.use(CpuBackend.multiThreaded());
        }
        String threads = args.length > 0 && args[0].equals("--threads=all")
                ? Runtime.getRuntime().availableProcessors() + " threads" : "1 thread";
        RandomSeed.set(1);
        Sequential cnn = new Sequential(Input.shape(32, 32, 3),
                new Conv2D(16, 3, "relu"), new MaxPooling2D(2),
                new Conv2D(32, 3, "relu"), new MaxPooling2D(2),
                new Flatten(), new Dense(64, "relu"), new Dense(10, "softmax"));
        report("BENCH-CNN", threads, cnn, random(256, 32, 32, 3), labels(256), 32);

        Sequential mlp = new Sequential(Input.shape(784),
                new Dense(256, "relu"), new Dense(256, "relu"), new Dense(10, "softmax"));
        report("BENCH-MLP", threads, mlp, random(2048, 784), labels(2048), 128);
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

    private static Tensor random(int... shape) {
        RandomGenerator random = new RandomGenerator(2);
        float[] values = new float[org.backprop.nn.Shapes.size(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        return Tensor.of(shape, values);
    }

    private static Tensor labels(int n) {
        RandomGenerator random = new RandomGenerator(3);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextInt(10);
        }
        return Tensor.of(values);
    }
}
