package org.backprop.nn.data;

import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.internal.TensorInternals;

/**
 * Converts class labels between their two Keras forms: integer class indices of shape {@code [n]} (or
 * {@code [n, 1]}), as {@code sparse_categorical_crossentropy} takes them, and one-hot rows of shape
 * {@code [n, classes]}, as {@code categorical_crossentropy} takes them. Indices are stored as floats, like
 * every tensor.
 */
public final class Labels {
    private static final int SHOWN_VALUES = 10;

    private Labels() {
    }

    /**
     * Returns one-hot rows {@code [n, numClasses]} for class indices {@code [n]} or {@code [n, 1]}, as Keras's
     * {@code to_categorical(labels, num_classes)}.
     */
    public static Tensor toOneHot(Tensor labels, int numClasses) {
        if (numClasses <= 0) {
            throw new IllegalArgumentException("numClasses must be positive, got " + numClasses);
        }
        int n = checkIndexShape(labels);
        float[] oneHot = new float[n * numClasses];
        for (int row = 0; row < n; row++) {
            oneHot[row * numClasses + classIndex(labels, row, numClasses)] = 1f;
        }
        return TensorInternals.wrap(new int[] {n, numClasses}, oneHot);
    }

    /**
     * Returns one-hot rows {@code [n, max + 1]} for class indices {@code [n]} or {@code [n, 1]}, as Keras's
     * {@code to_categorical(labels)} without {@code num_classes}: the largest index present sets the width.
     */
    public static Tensor toOneHot(Tensor labels) {
        checkIndexShape(labels);
        int largest = -1;
        for (int row = 0; row < labels.size(); row++) {
            largest = Math.max(largest, classIndex(labels, row, Integer.MAX_VALUE));
        }
        if (largest < 0) {
            throw new IllegalArgumentException("labels must hold at least one label to infer the number of classes,"
                    + " got shape " + Shapes.describe(labels.shape()));
        }
        return toOneHot(labels, largest + 1);
    }

    /** Returns the class index {@code [n]} of each one-hot row of {@code oneHot} ({@code [n, classes]}). */
    public static Tensor toIndices(Tensor oneHot) {
        if (oneHot.rank() != 2 || oneHot.dim(1) == 0) {
            throw new IllegalArgumentException("oneHot must have shape (n, classes), got "
                    + Shapes.describe(oneHot.shape()));
        }
        int n = oneHot.dim(0);
        int classes = oneHot.dim(1);
        float[] values = TensorInternals.values(oneHot);
        float[] indices = new float[n];
        for (int row = 0; row < n; row++) {
            int hot = -1;
            for (int column = 0; column < classes; column++) {
                float value = values[row * classes + column];
                if (value == 1f && hot < 0) {
                    hot = column;
                } else if (value != 0f) {
                    hot = -2;
                    break;
                }
            }
            if (hot < 0) {
                throw new IllegalArgumentException("oneHot row " + row + " is not one-hot (exactly one 1, the rest 0): "
                        + describeRow(values, row * classes, classes));
            }
            indices[row] = hot;
        }
        return TensorInternals.wrap(new int[] {n}, indices);
    }

    private static int checkIndexShape(Tensor labels) {
        if (labels.rank() == 1 || (labels.rank() == 2 && labels.dim(1) == 1)) {
            return labels.dim(0);
        }
        throw new IllegalArgumentException("labels must be class indices of shape (n,) or (n, 1), got "
                + Shapes.describe(labels.shape()));
    }

    private static int classIndex(Tensor labels, int row, int numClasses) {
        float label = labels.get(row);
        if (!(label >= 0 && label < numClasses && label == Math.rint(label))) {
            throw new IllegalArgumentException("labels[" + row + "] is " + label + ", which is not a class index"
                    + (numClasses == Integer.MAX_VALUE ? " (a whole number from 0)" : " in [0, " + numClasses + ")"));
        }
        return (int) label;
    }

    private static String describeRow(float[] values, int offset, int length) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < Math.min(length, SHOWN_VALUES); i++) {
            text.append(i == 0 ? "" : ", ").append(values[offset + i]);
        }
        return text.append(length > SHOWN_VALUES ? ", …]" : "]").toString();
    }
}
