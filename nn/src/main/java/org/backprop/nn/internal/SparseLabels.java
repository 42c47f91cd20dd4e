package org.backprop.nn.internal;

import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;

/**
 * Reads integer class labels against class scores as Keras 3's sparse losses and metrics do, at any rank: labels
 * {@code [d0, …, dk]} or {@code [d0, …, dk, 1]} against predictions {@code [d0, …, dk, classes]}, one label per
 * position (per example, per pixel of a segmentation mask, per timestep of a sequence). The one owner of that
 * shape rule and of its errors, shared by the sparse loss, the sparse metrics and the confusion matrix.
 */
public final class SparseLabels {
    private SparseLabels() {
    }

    /**
     * Returns whether {@code labels} holds one label per position of {@code predictions}: its shape is the
     * predictions' without the class axis, with or without a trailing axis of size 1.
     */
    public static boolean fits(int[] labels, int[] predictions) {
        int positions = predictions.length - 1;
        if (positions < 1 || (labels.length != positions
                && !(labels.length == positions + 1 && labels[positions] == 1))) {
            return false;
        }
        for (int axis = 0; axis < positions; axis++) {
            if (labels[axis] != predictions[axis]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the class index at each position, in row-major order, after checking the shapes (see {@link #fits})
     * and that every label is a whole number in {@code [0, classes)}; errors start with {@code user}.
     */
    public static int[] classIndices(String user, Tensor labels, Tensor predictions) {
        return classIndices(user, labels, predictions, predictions.dim(-1));
    }

    /**
     * Returns the class index at each position as {@link #classIndices(String, Tensor, Tensor)} does, for
     * {@code classes} classes: 2 for a single sigmoid unit, whose one score stands for two classes.
     */
    public static int[] classIndices(String user, Tensor labels, Tensor predictions, int classes) {
        int[] predictionShape = predictions.shape();
        if (!fits(labels.shape(), predictionShape)) {
            int[] positions = new int[Math.max(predictionShape.length - 1, 0)];
            System.arraycopy(predictionShape, 0, positions, 0, positions.length);
            int[] withOne = new int[positions.length + 1];
            System.arraycopy(positions, 0, withOne, 0, positions.length);
            withOne[positions.length] = 1;
            throw new IllegalArgumentException(user + ": labels must have shape " + Shapes.describe(positions)
                    + " or " + Shapes.describe(withOne) + " (one class index per position) for predictions of shape "
                    + Shapes.describe(predictionShape) + ", got " + Shapes.describe(labels.shape()));
        }
        float[] values = labels.toArray();
        int[] indices = new int[values.length];
        for (int position = 0; position < values.length; position++) {
            float label = values[position];
            int index = (int) label;
            if (index != label || index < 0 || index >= classes) {
                throw new IllegalArgumentException(user + ": label " + label + " at " + where(labels.shape(), position)
                        + " is not a class index in [0, " + classes + "): class indices count from 0, and the model"
                        + " needs one output per class");
            }
            indices[position] = index;
        }
        return indices;
    }

    /** Names a position as the old one-label-per-row message did ("row 3"), or by its index at higher rank. */
    private static String where(int[] shape, int position) {
        if (shape.length == 1 || (shape.length == 2 && shape[1] == 1)) {
            return "row " + position;
        }
        int[] index = new int[shape.length];
        int rest = position;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            index[axis] = rest % shape[axis];
            rest /= shape[axis];
        }
        return "index " + Shapes.describe(index);
    }
}
