package org.backprop.web.gpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Tensor;
import org.backprop.nn.backend.Backend;
import org.backprop.nn.backend.Backends;
import org.backprop.nn.examples.BenchModels;
import org.backprop.nn.examples.Gan;
import org.backprop.nn.examples.Vae;
import org.backprop.nn.backend.DeviceLostException;
import org.backprop.nn.backend.cpu.CpuBackend;
import org.backprop.nn.callbacks.Callback;
import org.backprop.nn.internal.BackendInternals;
import org.backprop.nn.layers.Activation;
import org.backprop.nn.layers.Add;
import org.backprop.nn.layers.BatchNormalization;
import org.backprop.nn.layers.Conv2D;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Dropout;
import org.backprop.nn.layers.Flatten;
import org.backprop.nn.layers.GlobalAveragePooling2D;
import org.backprop.nn.layers.LayerNormalization;
import org.backprop.nn.layers.MaxPooling2D;
import org.backprop.nn.layers.MultiHeadAttention;
import org.backprop.nn.layers.PositionalEmbedding;
import org.backprop.nn.layers.SeparableConv2D;
import org.backprop.nn.layers.preprocessing.RandomFlip;
import org.backprop.nn.losses.BinaryCrossentropy;
import org.backprop.nn.losses.MeanSquaredError;
import org.backprop.nn.losses.SparseCategoricalCrossentropy;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.History;
import org.backprop.nn.models.Model;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.optim.Adam;
import org.backprop.nn.random.RandomGenerator;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.records.RunRecord;
import org.backprop.web.runtime.ProgramRuntime;
import org.teavm.jso.JSBody;

/**
 * Whole training runs on the WebGPU backend, for {@code GpuTrainingTest}; {@code main}'s one argument picks
 * what to run, and each prints JSON lines ending with {@code {"done": n}}:
 * <ul>
 *   <li>{@code parity}: BENCH-CNN, a small residual network (BatchNormalization, SeparableConv2D, Dropout,
 *       RandomFlip) and a Transformer encoder (the sequence homework's) trained from the same seed on the CPU
 *       backend and on WebGPU; prints both histories;
 *   <li>{@code custom-step}: the book's VAE and GAN, whose own train steps {@code fit} runs, trained as
 *       {@code parity} trains its models;
 *   <li>{@code memory}: 1,000 steps of BENCH-CNN and 200 of an MLP whose ops all have kernels, printing the
 *       backend's counters along the way;
 *   <li>{@code failures}: a kernel that does not compile, then a device destroyed in the middle of a fit
 *       (last: the device is gone afterwards);
 *   <li>{@code fallback}: a fit hosted by {@link ProgramRuntime} where there is no WebGPU;
 *   <li>{@code progress [examples [rounds]]}: one fit hosted by {@link ProgramRuntime} as the grader hosts it (no
 *       {@code backpropRuns.progress}), then as the page's worker does, {@code rounds} times (for timing); the host
 *       prints each progress report as {@code {"fit": report, "at": ms}} and each record as
 *       {@code {"ended": record}}, and the program the backend's readbacks and the fit's wall time as
 *       {@code {"hosted": ..}}.
 * </ul>
 */
public final class TrainingProgram {
    /** The transformer's sequences: steps and vocabulary. */
    private static final int STEPS = 16;
    private static final int VOCABULARY = 24;

    private TrainingProgram() {
    }

    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "parity";
        if (mode.equals("fallback")) {
            fallback();
            return;
        }
        if (mode.equals("progress")) {
            progress(args.length > 1 ? Integer.parseInt(args[1]) : 12288,
                    args.length > 2 ? Integer.parseInt(args[2]) : 1);
            return;
        }
        WebGpu.Opened opened = WebGpu.open();
        if (opened.device() == null) {
            System.out.println("{\"unavailable\": \"" + opened.unavailableReason() + "\"}");
            return;
        }
        switch (mode) {
            case "parity":
                parity(opened, "bench-cnn", "residual", "transformer");
                break;
            case "custom-step":
                parity(opened, "vae", "gan");
                break;
            case "memory":
                memory(opened);
                break;
            case "failures":
                failures(opened);
                break;
            default:
                throw new IllegalArgumentException("unknown mode " + mode);
        }
    }

    // ---- whole-model parity

    private static void parity(WebGpu.Opened opened, String... models) {
        Backend gpu = new WebGpuBackend(opened.device(), opened.adapterDescription());
        Backend cpu = new CpuBackend();
        for (String name : models) {
            History onCpu = train(name, cpu);
            History onGpu = train(name, gpu);
            System.out.println("{\"model\": \"" + name + "\", \"cpu\": " + json(onCpu) + ", \"gpu\": " + json(onGpu)
                    + ", \"gpuDevice\": \"" + onGpu.runRecord().device().backend() + "\", \"dispatches\": "
                    + ((WebGpuBackend) gpu).stats().dispatches() + ", \"cpuMs\": " + onCpu.runRecord().wallTimeMs()
                    + ", \"gpuMs\": " + onGpu.runRecord().wallTimeMs() + "}");
        }
        BackendInternals.use(cpu);
        System.out.println("{\"done\": " + models.length + "}");
    }

    /** Trains model {@code name} from seed 7 on {@code backend}: same data, initial weights and shuffles. */
    private static History train(String name, Backend backend) {
        BackendInternals.use(backend);
        RandomSeed.set(7);
        if (name.equals("bench-cnn")) {
            Images data = images(48, 32, 32, 3, 10, 11);
            Model model = BenchModels.cnn(32);
            model.compile(new Adam(1e-3), new SparseCategoricalCrossentropy(false), "accuracy");
            return model.fit(data.x, data.y, FitOptions.epochs(3).batchSize(16).verbose(0));
        }
        if (name.equals("vae")) {
            Vae vae = new Vae(Vae.encoder(12, 2), Vae.decoder(12, 2));
            vae.compile(new Adam(1e-3));
            return vae.fit(images(64, 12, 12, 1, 4, 14).x, FitOptions.epochs(3).batchSize(16).verbose(0));
        }
        if (name.equals("gan")) {
            Gan gan = new Gan(Gan.discriminator(), Gan.generator(4), 4);
            gan.compile(new Adam(1e-3), new Adam(1e-3), new BinaryCrossentropy());
            return gan.fit(Gan.points(128, 5), FitOptions.epochs(3).batchSize(32).verbose(0));
        }
        if (name.equals("transformer")) {
            Tensor[] data = sequences(64, 13);
            Model model = transformer();
            model.compile(new Adam(3e-3), new BinaryCrossentropy(false), "accuracy");
            return model.fit(data[0], data[1], FitOptions.epochs(3).batchSize(16).verbose(0));
        }
        Images data = images(64, 12, 12, 3, 4, 12);
        Model model = residual();
        model.compile(new Adam(3e-3), new SparseCategoricalCrossentropy(false), "accuracy");
        return model.fit(data.x, data.y, FitOptions.epochs(4).batchSize(16).validationSplit(0.25).verbose(0));
    }

    /** A residual block of separable convolutions with batch normalisation, after augmentation. */
    private static Model residual() {
        Input inputs = Input.shape(12, 12, 3);
        KerasTensor x = new RandomFlip("horizontal").apply(inputs);
        x = new Conv2D(8, 3).padding("same").apply(x);
        x = new BatchNormalization().apply(x);
        x = new Activation("relu").apply(x);
        KerasTensor shortcut = x;
        x = new SeparableConv2D(8, 3).padding("same").useBias(false).apply(x);
        x = new BatchNormalization().apply(x);
        x = new Activation("relu").apply(x);
        x = new SeparableConv2D(8, 3).padding("same").useBias(false).apply(x);
        x = new BatchNormalization().apply(x);
        x = new Add().apply(x, shortcut);
        x = new Activation("relu").apply(x);
        x = new MaxPooling2D(2).apply(x);
        x = new GlobalAveragePooling2D().apply(x);
        x = new Dropout(0.3).apply(x);
        return new Model(inputs, new Dense(4, "softmax").apply(x));
    }

    /** A Transformer encoder block as the sequence homework builds it, with two heads of keyDim 8 attending. */
    private static Model transformer() {
        Input inputs = Input.shape(STEPS);
        KerasTensor x = new PositionalEmbedding(STEPS, VOCABULARY, 16).apply(inputs);
        KerasTensor attended = new MultiHeadAttention(2, 8).apply(x, x);
        KerasTensor normed = new LayerNormalization().apply(new Add().apply(x, attended));
        KerasTensor projected = new Dense(16).apply(new Dense(32, "relu").apply(normed));
        KerasTensor encoded = new LayerNormalization().apply(new Add().apply(normed, projected));
        return new Model(inputs, new Dense(1, "sigmoid").apply(new Flatten().apply(encoded)));
    }

    /** Token ids {@code [count, STEPS]} and labels {@code [count, 1]}: 1 where the first token is in the upper half. */
    private static Tensor[] sequences(int count, long seed) {
        RandomGenerator random = new RandomGenerator(seed);
        float[] ids = new float[count * STEPS];
        float[] labels = new float[count];
        for (int n = 0; n < count; n++) {
            for (int step = 0; step < STEPS; step++) {
                ids[n * STEPS + step] = random.nextInt(VOCABULARY);
            }
            labels[n] = ids[n * STEPS] >= VOCABULARY / 2 ? 1 : 0;
        }
        return new Tensor[] {Tensor.of(new int[] {count, STEPS}, ids), Tensor.of(new int[] {count, 1}, labels)};
    }

    /** Images with a learnable class: noise plus a bright band whose channel and rows depend on the label. */
    private static Images images(int count, int height, int width, int channels, int classes, long seed) {
        RandomGenerator random = new RandomGenerator(seed);
        float[] x = new float[count * height * width * channels];
        float[] y = new float[count];
        int band = Math.max(1, height / classes);
        for (int n = 0; n < count; n++) {
            int label = random.nextInt(classes);
            y[n] = label;
            for (int row = 0; row < height; row++) {
                for (int column = 0; column < width; column++) {
                    for (int c = 0; c < channels; c++) {
                        boolean lit = c == label % channels && row / band == label % (height / band);
                        x[((n * height + row) * width + column) * channels + c] = random.nextFloat() * 0.5f
                                + (lit ? 0.5f : 0f);
                    }
                }
            }
        }
        return new Images(Tensor.of(new int[] {count, height, width, channels}, x), Tensor.of(y));
    }

    private static final class Images {
        final Tensor x;
        final Tensor y;

        Images(Tensor x, Tensor y) {
            this.x = x;
            this.y = y;
        }
    }

    private static String json(History history) {
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, List<Double>> metric : history.asMap().entrySet()) {
            out.append(first ? "" : ", ").append('"').append(metric.getKey()).append("\": ").append(metric.getValue());
            first = false;
        }
        return out.append('}').toString();
    }

    // ---- memory

    private static void memory(WebGpu.Opened opened) {
        WebGpuBackend gpu = new WebGpuBackend(opened.device(), opened.adapterDescription());
        BackendInternals.use(gpu);
        RandomSeed.set(3);
        // 20 examples in batches of 2: 10 steps an epoch, 100 epochs make 1,000 steps. BENCH-CNN's layers on
        // 12 × 12 images record the same ops, allocations and frees per step as on 32 × 32 ones, only smaller:
        // under SwiftShader a full-size step takes too long for 1,000 of them in a test.
        Images data = images(20, 12, 12, 3, 10, 5);
        Model cnn = BenchModels.cnn(12);
        cnn.compile(new Adam(1e-3), new SparseCategoricalCrossentropy(false), "accuracy");
        cnn.fit(data.x, data.y, FitOptions.epochs(100).batchSize(2).verbose(0)
                .callbacks(new StatsPrinter("bench-cnn", gpu, 10)));

        // Every op of this model has a kernel, so nothing but the epoch's readback interrupts a step's commands.
        RandomGenerator random = new RandomGenerator(4);
        float[] x = new float[64 * 16];
        float[] y = new float[64 * 4];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = random.nextFloat();
        }
        Model mlp = new Sequential(Input.shape(16), new Dense(32, "relu"), new Dense(4));
        mlp.compile(new Adam(1e-3), new MeanSquaredError());
        mlp.fit(Tensor.of(new int[] {64, 16}, x), Tensor.of(new int[] {64, 4}, y),
                FitOptions.epochs(25).batchSize(8).verbose(0).callbacks(new StatsPrinter("mlp", gpu, 8)));
        System.out.println("{\"done\": 2}");
    }

    /** Prints the backend's counters after every epoch, with the steps trained so far. */
    private static final class StatsPrinter extends Callback {
        private final String model;
        private final WebGpuBackend backend;
        private final int stepsPerEpoch;

        StatsPrinter(String model, WebGpuBackend backend, int stepsPerEpoch) {
            this.model = model;
            this.backend = backend;
            this.stepsPerEpoch = stepsPerEpoch;
        }

        @Override
        public void onEpochEnd(Model trained, int epoch, Map<String, Double> logs) {
            System.out.println("{\"stats\": \"" + model + "\", \"epoch\": " + epoch + ", \"steps\": "
                    + epoch * stepsPerEpoch + ", \"counters\": " + backend.stats() + "}");
        }
    }

    // ---- failures

    private static void failures(WebGpu.Opened opened) {
        try {
            new KernelCache(opened.device()).kernel("deliberately_broken", () -> "@compute @workgroup_size(1) fn main( {");
            System.out.println("{\"brokenKernel\": null}");
        } catch (IllegalStateException failure) {
            System.out.println("{\"brokenKernel\": \"" + escape(failure.getMessage()) + "\"}");
        }

        WebGpuBackend gpu = new WebGpuBackend(opened.device(), opened.adapterDescription());
        BackendInternals.use(gpu);
        RandomSeed.set(5);
        Model mlp = new Sequential(Input.shape(4), new Dense(8, "relu"), new Dense(1));
        mlp.compile(new Adam(1e-3), new MeanSquaredError());
        Callback destroyAfterEpoch2 = new Callback() {
            @Override
            public void onEpochEnd(Model trained, int epoch, Map<String, Double> logs) {
                if (epoch == 2) {
                    opened.device().destroy();
                }
            }
        };
        float[] x = new float[32 * 4];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 7 / 7f;
        }
        try {
            mlp.fit(Tensor.of(new int[] {32, 4}, x), Tensor.of(new int[] {32, 1}, new float[32]),
                    FitOptions.epochs(5).batchSize(8).verbose(0).callbacks(destroyAfterEpoch2));
            System.out.println("{\"deviceLost\": null}");
        } catch (DeviceLostException lost) {
            RunRecord record = lost.runRecord();
            System.out.println("{\"deviceLost\": \"" + escape(lost.getMessage()) + "\", \"status\": \""
                    + record.status().state() + "\", \"statusMessage\": \"" + escape(record.status().message())
                    + "\", \"epochsRecorded\": " + record.history().get("loss").size() + ", \"backend\": \""
                    + record.device().backend() + "\"}");
        }
        System.out.println("{\"done\": 2}");
    }

    // ---- no WebGPU at all

    private static void fallback() {
        List<String> devices = new ArrayList<>();
        ProgramRuntime.run(() -> {
            RandomSeed.set(1);
            Model model = new Sequential(Input.shape(2), new Dense(1));
            model.compile("sgd", "mse");
            History history = model.fit(Tensor.of(new float[][] {{0, 1}, {1, 0}}), Tensor.of(new float[][] {{1}, {0}}),
                    FitOptions.epochs(2).verbose(0));
            devices.add(history.runRecord().device().backend());
            devices.add(history.runRecord().device().device());
        });
        System.out.println("{\"recordBackend\": \"" + devices.get(0) + "\", \"recordDevice\": \""
                + escape(devices.get(1)) + "\", \"currentBackend\": \"" + Backends.current().name() + "\"}");
        System.out.println("{\"done\": 1}");
    }

    // ---- live progress

    private static void progress(int examples, int rounds) {
        for (int pass = 0; pass < 2 * rounds; pass++) {
            boolean listens = pass % 2 == 1;
            hostRuns(listens);
            int[] readbacks = new int[1];
            long[] wallMs = new long[1];
            ProgramRuntime.run(() -> {
                RandomSeed.set(3);
                Model model = new Sequential(Input.shape(32), new Dense(64, "relu"), new Dense(64, "relu"),
                        new Dense(4, "softmax"));
                model.compile("adam", "sparse_categorical_crossentropy", "accuracy");
                History history = model.fit(BenchModels.uniform(5, examples, 32), BenchModels.labels(6, examples, 4),
                        FitOptions.epochs(3).batchSize(16).validationSplit(0.0625).verbose(0).runName("live"));
                wallMs[0] = history.runRecord().wallTimeMs();
                readbacks[0] = Backends.current() instanceof WebGpuBackend gpu ? gpu.stats().readbacks() : -1;
            });
            System.out.println("{\"hosted\": {\"progress\": " + listens + ", \"backend\": \""
                    + Backends.current().name() + "\", \"readbacks\": " + readbacks[0] + ", \"wallMs\": " + wallMs[0]
                    + "}}");
        }
        System.out.println("{\"done\": " + 2 * rounds + "}");
    }

    /** Defines {@code backpropRuns} as a host would: the grader's (no progress) or the worker's (progress). */
    @JSBody(params = "listens", script = "globalThis.backpropRuns = { shouldTrain: function() { return true; },"
            + " ended: function(record) { console.log(JSON.stringify({ ended: JSON.parse(record) })); } };"
            + " if (listens) { backpropRuns.progress = function(json) {"
            + " console.log(JSON.stringify({ fit: JSON.parse(String(json)), at: Date.now() })); }; }")
    private static native void hostRuns(boolean listens);

    private static String escape(String text) {
        return String.valueOf(text).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
    }
}
