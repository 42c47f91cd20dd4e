package org.backprop.grader.check;

import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Activation;
import org.backprop.nn.layers.Add;
import org.backprop.nn.layers.BatchNormalization;
import org.backprop.nn.layers.Conv2D;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.GlobalAveragePooling2D;
import org.backprop.nn.layers.SeparableConv2D;
import org.backprop.nn.layers.preprocessing.RandomFlip;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.Model;
import org.backprop.nn.random.RandomSeed;
import org.backprop.nn.records.RunRecord;
import org.backprop.nn.records.RunRecordJson;

/**
 * Run records as a team's experiments produce them: a tiny mini-Xception-like model (augmentation, Conv2D,
 * BatchNormalization, SeparableConv2D, a residual Add) trained for two epochs on 4×4 images, and variants
 * of it. Every record goes through {@link RunRecordJson} and back, as the grader receives it.
 */
final class TrainedRuns {
    /** Which parts a trained model has. */
    record Parts(boolean augmentation, boolean batchNormalization, boolean separable, boolean residual) {
        static final Parts ALL = new Parts(true, true, true, true);
    }

    private static final float[] PIXELS = new float[8 * 4 * 4];
    private static final float[] LABELS = {0, 1, 0, 1, 1, 0, 1, 0};

    static {
        for (int i = 0; i < PIXELS.length; i++) {
            PIXELS[i] = (i * 37 % 11) / 10f;
        }
    }

    private TrainedRuns() {
    }

    /** Returns the record of a run of a model with {@code parts}, trained with validation data, tagged {@code tags}. */
    static RunRecord train(String name, Parts parts, String... tags) {
        return fit(name, build(parts), FitOptions.epochs(2).batchSize(4).validationSplit(0.25), tags);
    }

    /** Returns the record of a run trained without validation data, so its history has no val_ curves. */
    static RunRecord trainWithoutValidation(String name) {
        return fit(name, build(Parts.ALL), FitOptions.epochs(2).batchSize(4));
    }

    private static RunRecord fit(String name, Model model, FitOptions options, String... tags) {
        model.compile("adam", "binary_crossentropy", "accuracy");
        RunRecord record = model.fit(Tensor.of(new int[] {8, 4, 4, 1}, PIXELS), Tensor.of(new int[] {8, 1}, LABELS),
                options.verbose(0).runName(name).tags(tags).datasetName("tiny-images")).runRecord();
        return RunRecordJson.read(RunRecordJson.write(record));
    }

    private static Model build(Parts parts) {
        RandomSeed.set(7);
        Input inputs = Input.shape(4, 4, 1);
        KerasTensor x = parts.augmentation() ? new RandomFlip("horizontal").apply(inputs) : inputs;
        x = new Conv2D(2, 3).padding("same").apply(x);
        KerasTensor residual = x;
        if (parts.batchNormalization()) {
            x = new BatchNormalization().apply(x);
        }
        x = new Activation("relu").apply(x);
        x = parts.separable() ? new SeparableConv2D(2, 3).padding("same").apply(x)
                : new Conv2D(2, 3).padding("same").apply(x);
        if (parts.residual()) {
            x = new Add().apply(x, residual);
        }
        x = new GlobalAveragePooling2D().apply(x);
        return new Model(inputs, new Dense(1, "sigmoid").apply(x));
    }
}
