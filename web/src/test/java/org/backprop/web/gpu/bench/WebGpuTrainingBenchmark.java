package org.backprop.web.gpu.bench;

import org.backprop.nn.Tensor;
import org.backprop.nn.examples.BenchModels;
import org.backprop.nn.internal.BackendInternals;
import org.backprop.nn.losses.SparseCategoricalCrossentropy;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.Model;
import org.backprop.nn.optim.Adam;
import org.backprop.nn.random.RandomSeed;
import org.backprop.web.gpu.WebGpu;
import org.backprop.web.gpu.WebGpuBackend;

/**
 * BENCH-CNN and BENCH-MLP of issue "nn" on the WebGPU backend: images (examples) per second over the timed
 * epochs after one warm-up epoch, on random data, with the models, data sizes and hyper-parameters of
 * {@code bench/cpu-training.mjs}. Prints one JSON line per benchmark (with the backend's counters) and
 * {@code {"done": 2}}. Not a test: {@code bench/webgpu-training.mjs} translates it with TeaVM and runs it in
 * the page where TensorFlow.js trains the same models. {@code main}'s first optional argument is the number
 * of timed epochs (2 unless given); a second argument "homework" trains {@link BenchModels#homework} instead,
 * for {@code bench/webgpu-step-profile.mjs}.
 */
public final class WebGpuTrainingBenchmark {
    private WebGpuTrainingBenchmark() {
    }

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        WebGpu.Opened opened = WebGpu.open();
        if (opened.device() == null) {
            System.out.println("{\"unavailable\": \"" + opened.unavailableReason() + "\"}");
            return;
        }
        WebGpuBackend backend = new WebGpuBackend(opened.device(), opened.adapterDescription());
        BackendInternals.use(backend);
        RandomSeed.set(1);
        if (args.length > 1 && args[1].equals("homework")) {
            report("HOMEWORK-CNN", backend, opened.adapterDescription(), BenchModels.homework(32),
                    BenchModels.uniform(2, 256, 32, 32, 3), BenchModels.labels(3, 256, 10), 32, epochs);
            System.out.println("{\"done\": 1}");
            return;
        }
        report("BENCH-CNN", backend, opened.adapterDescription(), BenchModels.cnn(32),
                BenchModels.uniform(2, 256, 32, 32, 3), BenchModels.labels(3, 256, 10), 32, epochs);
        report("BENCH-MLP", backend, opened.adapterDescription(), BenchModels.mlp(), BenchModels.uniform(2, 2048, 784),
                BenchModels.labels(3, 2048, 10), 128, epochs);
        System.out.println("{\"done\": 2}");
    }

    private static void report(String name, WebGpuBackend backend, String adapter, Model model, Tensor x,
            Tensor y, int batchSize, int epochs) {
        model.compile(new Adam(1e-3), new SparseCategoricalCrossentropy(false));
        model.fit(x, y, FitOptions.epochs(1).batchSize(batchSize).verbose(0));
        int submitsBefore = backend.stats().submits();
        long started = System.currentTimeMillis();
        model.fit(x, y, FitOptions.epochs(epochs).batchSize(batchSize).verbose(0));
        double seconds = (System.currentTimeMillis() - started) / 1000.0;
        int steps = epochs * ((x.dim(0) + batchSize - 1) / batchSize);
        System.out.println("{\"benchmark\": \"" + name + "\", \"backend\": \"backprop-webgpu\", \"examplesPerSecond\": "
                + Math.round(epochs * x.dim(0) / seconds * 10) / 10.0 + ", \"examples\": " + x.dim(0)
                + ", \"batchSize\": " + batchSize + ", \"timedEpochs\": " + epochs + ", \"submitsPerStep\": "
                + Math.round((backend.stats().submits() - submitsBefore) * 100.0 / steps) / 100.0
                + ", \"adapter\": \"" + adapter + "\"}");
    }
}
