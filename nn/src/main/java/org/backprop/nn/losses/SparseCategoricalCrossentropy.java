package org.backprop.nn.losses;

import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.internal.TensorInternals;

/**
 * Categorical cross-entropy with integer class labels ({@code [batch]} or {@code [batch, 1]}) instead of
 * one-hot targets, as Keras's {@code SparseCategoricalCrossentropy}.
 */
public final class SparseCategoricalCrossentropy extends Loss {
    private final CategoricalCrossentropy dense;

    /** Returns the loss of probabilities, as Keras's {@code SparseCategoricalCrossentropy()} ({@code from_logits=False}). */
    public SparseCategoricalCrossentropy() {
        this(false);
    }

    /** Returns the loss of logits when {@code fromLogits}, of probabilities otherwise. */
    public SparseCategoricalCrossentropy(boolean fromLogits) {
        super("sparse_categorical_crossentropy");
        this.dense = new CategoricalCrossentropy(name(), fromLogits);
    }

    /** Returns whether predictions are taken as logits, as Keras's {@code from_logits}. */
    public boolean fromLogits() {
        return dense.fromLogits();
    }

    @Override
    public Tensor call(Tensor yTrue, Tensor yPred) {
        return dense.call(Labels.oneHot(name(), yTrue, yPred), yPred);
    }

    /** Integer labels held in float tensors, checked and expanded to one-hot rows. */
    static final class Labels {
        private Labels() {
        }

        static Tensor oneHot(String user, Tensor labels, Tensor predictions) {
            int batch = predictions.dim(0);
            int classes = predictions.dim(-1);
            if (predictions.rank() != 2 || labels.size() != batch
                    || !(labels.rank() == 1 || (labels.rank() == 2 && labels.dim(1) == 1))) {
                throw new IllegalArgumentException(user + ": labels must have shape (" + batch + ",) or (" + batch
                        + ", 1) for predictions of shape " + Shapes.describe(predictions.shape()) + ", got "
                        + Shapes.describe(labels.shape()));
            }
            float[] oneHot = new float[batch * classes];
            for (int row = 0; row < batch; row++) {
                float label = labels.get(row);
                int index = (int) label;
                if (index != label || index < 0 || index >= classes) {
                    throw new IllegalArgumentException(user + ": label " + label + " at row " + row
                            + " is not a class index in [0, " + classes + ")");
                }
                oneHot[row * classes + index] = 1f;
            }
            return TensorInternals.wrap(new int[] {batch, classes}, oneHot);
        }
    }
}
