package org.backprop.nn.data;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.internal.TensorInternals;

/**
 * How a {@link Dataset} of several arrays (a model's several inputs and outputs) keeps them: each example's rows of
 * every array side by side in one row of a {@code [n, total]} tensor, so that shuffling, slicing, batching and
 * validation splits, which move whole rows, keep every array's rows together. This class owns that layout: it packs
 * the arrays and cuts a batch back into them, with their shapes.
 */
final class Packing {
    private final List<int[]> featureShapes;
    private final List<int[]> labelShapes;

    private Packing(List<int[]> featureShapes, List<int[]> labelShapes) {
        this.featureShapes = featureShapes;
        this.labelShapes = labelShapes;
    }

    /** Returns the layout of {@code features} and {@code labels}, which must hold one example count between them. */
    static Packing of(List<Tensor> features, List<Tensor> labels) {
        checkArrays(features, "features");
        checkArrays(labels, "labels");
        int examples = features.get(0).dim(0);
        checkExamples(features, "features", examples);
        checkExamples(labels, "labels", examples);
        return new Packing(shapes(features), shapes(labels));
    }

    private static void checkArrays(List<Tensor> arrays, String what) {
        if (arrays == null || arrays.isEmpty()) {
            throw new IllegalArgumentException(what + " must hold at least one array, got " + (arrays == null ? "null"
                    : "none"));
        }
        for (int i = 0; i < arrays.size(); i++) {
            Tensor array = arrays.get(i);
            if (array == null || array.rank() == 0) {
                throw new IllegalArgumentException(what + "[" + i + "] must be an array of examples along its first"
                        + " axis, got " + (array == null ? "null" : "a scalar"));
            }
        }
    }

    private static void checkExamples(List<Tensor> arrays, String what, int examples) {
        for (int i = 0; i < arrays.size(); i++) {
            if (arrays.get(i).dim(0) != examples) {
                throw new IllegalArgumentException("every array must hold the same number of examples along the first"
                        + " axis, but features[0] has " + examples + " and " + what + "[" + i + "] has shape "
                        + Shapes.describe(arrays.get(i).shape()));
            }
        }
    }

    private static List<int[]> shapes(List<Tensor> arrays) {
        List<int[]> shapes = new ArrayList<>();
        for (Tensor array : arrays) {
            shapes.add(Shapes.withoutBatch(array.shape()));
        }
        return List.copyOf(shapes);
    }

    int featureArrays() {
        return featureShapes.size();
    }

    int labelArrays() {
        return labelShapes.size();
    }

    /** Returns {@code arrays} side by side, one row per example: {@code [n, sum of their row sizes]}. */
    static Tensor pack(List<Tensor> arrays) {
        int examples = arrays.get(0).dim(0);
        int width = 0;
        for (Tensor array : arrays) {
            width += array.size() / examples;
        }
        float[] packed = new float[examples * width];
        int column = 0;
        for (Tensor array : arrays) {
            int rowSize = array.size() / examples;
            float[] values = TensorInternals.values(array);
            for (int row = 0; row < examples; row++) {
                System.arraycopy(values, row * rowSize, packed, row * width + column, rowSize);
            }
            column += rowSize;
        }
        return TensorInternals.wrap(new int[] {examples, width}, packed);
    }

    List<Tensor> features(Tensor packed) {
        return unpack(packed, featureShapes);
    }

    List<Tensor> labels(Tensor packed) {
        return unpack(packed, labelShapes);
    }

    /** Cuts {@code packed} ({@code [n, total]}) back into arrays of {@code shapes} (without batch). */
    private static List<Tensor> unpack(Tensor packed, List<int[]> shapes) {
        int examples = packed.dim(0);
        int width = packed.dim(1);
        float[] values = TensorInternals.values(packed);
        List<Tensor> arrays = new ArrayList<>();
        int column = 0;
        for (int[] shape : shapes) {
            int rowSize = Shapes.size(shape);
            float[] array = new float[examples * rowSize];
            for (int row = 0; row < examples; row++) {
                System.arraycopy(values, row * width + column, array, row * rowSize, rowSize);
            }
            column += rowSize;
            arrays.add(TensorInternals.wrap(Shapes.withBatch(examples, shape), array));
        }
        return List.copyOf(arrays);
    }
}
