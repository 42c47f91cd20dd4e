package org.backprop.nn.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backprop.nn.Tensor;
import org.backprop.nn.data.Dataset;
import org.backprop.nn.data.ExampleSource;
import org.backprop.nn.data.StoredDataset;
import org.backprop.nn.internal.SparseLabels;
import org.backprop.nn.records.ConfusionMatrix;

/**
 * The confusion matrix a classifier's completed fit records on its validation data, so that the experiment log and
 * the report can show which classes the model confuses without the student computing it. Only for a model whose
 * output is one row of class scores (or a single sigmoid, two classes split at 0.5) per labelled position against
 * integer class labels; any other model records none. A segmentation model's matrix counts pixels, as Keras 3's
 * sparse accuracy does, since which classes bleed into which is what its report needs; a sequence model's counts
 * timesteps (a language model's vocabulary is above {@link #MAX_CLASSES}, so it records none). Inference does not
 * draw random numbers, so the run's seed state is left as it was.
 */
final class ValidationConfusion {
    /** More classes than this make a matrix nobody reads and a record too large to keep: none is recorded. */
    static final int MAX_CLASSES = 100;

    private ValidationConfusion() {
    }

    static Optional<ConfusionMatrix> of(Model model, ExampleSource validation, int batchSize) {
        if (model.severalArrays()) {
            // Which output's classes? Keras's matrix is of one classifier; a model of several arrays records none.
            return Optional.empty();
        }
        long[][] counts = null;
        for (Dataset batch : validation.batches(batchSize)) {
            Tensor predictions = model.predictSilently(batch.features());
            Tensor labels = batch.labels();
            if (!SparseLabels.fits(labels.shape(), predictions.shape())) {
                return Optional.empty();
            }
            int width = predictions.dim(-1);
            int classes = width == 1 ? 2 : width;
            if (classes > MAX_CLASSES || (counts != null && counts.length != classes)) {
                return Optional.empty();
            }
            if (counts == null) {
                counts = new long[classes][classes];
            }
            float[] scores = predictions.toArray();
            float[] truth = labels.toArray();
            for (int row = 0; row < truth.length; row++) {
                float label = truth[row];
                if (label != (int) label || label < 0 || label >= classes) {
                    return Optional.empty();
                }
                counts[(int) label][predicted(scores, row, width)]++;
            }
        }
        return counts == null ? Optional.empty() : Optional.of(new ConfusionMatrix(names(validation, counts.length),
                counts));
    }

    private static int predicted(float[] scores, int row, int width) {
        if (width == 1) {
            return scores[row] > 0.5f ? 1 : 0;
        }
        int best = 0;
        for (int i = 1; i < width; i++) {
            if (scores[row * width + i] > scores[row * width + best]) {
                best = i;
            }
        }
        return best;
    }

    /** The dataset's class names where it has them for every class, else 0, 1, …. */
    private static List<String> names(ExampleSource validation, int classes) {
        if (validation instanceof StoredDataset stored && stored.classNames().size() == classes) {
            return List.copyOf(stored.classNames());
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }
}
