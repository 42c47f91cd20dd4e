package org.backprop.nn;

import java.util.Arrays;
import org.backprop.nn.autograd.Function;
import org.backprop.nn.internal.DeviceData;
import org.backprop.nn.internal.TensorInternals;
import org.backprop.nn.ops.Ops;

/**
 * An immutable float32 tensor, row-major, with Keras's layout conventions (batch first, channels last).
 *
 * <p>A tensor computed by an op remembers the op when any of its inputs needs gradients, which is how
 * {@link org.backprop.nn.autograd.Gradients} walks back from a loss to the weights. Tensors never change after
 * construction and are safe to share between threads: values go in and come out as copies.
 *
 * <p>A GPU backend keeps its results in device memory; their values are copied to the host the first time
 * anything reads them, and kept. Tensors that view the same values (a reshape, a variable's leaf, a detached
 * copy) share that storage, so the copy happens once for all of them.
 *
 * <p>What backends, ops and the runtime need beyond this class's public methods (the values array itself,
 * device storage, the op that computed a tensor) is private here and reached through
 * {@link TensorInternals}, a package student programs may not use.
 */
public final class Tensor {
    static {
        TensorInternals.install(new Internals());
    }

    private final int[] shape;
    private final Storage storage;
    private final Function creator;
    private final boolean requiresGrad;
    /** For a softmax's output, the logits it was computed from; see {@link TensorInternals#softmaxOutput}. */
    private final Tensor softmaxLogits;

    private Tensor(int[] shape, Storage storage, Function creator, boolean requiresGrad, Tensor softmaxLogits) {
        this.shape = shape;
        this.storage = storage;
        this.creator = creator;
        this.requiresGrad = requiresGrad;
        this.softmaxLogits = softmaxLogits;
    }

    private Tensor(int[] shape, Storage storage, Function creator, boolean requiresGrad) {
        this(shape, storage, creator, requiresGrad, null);
    }

    private Tensor(int[] shape, float[] values, Function creator, boolean requiresGrad) {
        this(shape, new Storage(values, null), creator, requiresGrad);
    }

    /**
     * Where a tensor's values live: in host memory, on a device, or both once a device result has been read
     * or a host tensor uploaded. Shared by all tensors that view the same values.
     */
    private static final class Storage {
        // Volatile rather than locked: only the single thread that drives a GPU backend ever fills them in,
        // while the JVM's multi-threaded CPU backend reads host arrays that never change.
        private volatile float[] host;
        private volatile DeviceData device;

        Storage(float[] host, DeviceData device) {
            this.host = host;
            this.device = device;
        }

        float[] host() {
            float[] values = host;
            if (values == null) {
                values = device.download();
                host = values;
            }
            return values;
        }
    }

    /** Returns a tensor of the given shape over a copy of {@code values} (row-major). */
    public static Tensor of(int[] shape, float[] values) {
        checkShape(shape, values);
        return new Tensor(shape.clone(), values.clone(), null, false);
    }

    /** Returns a vector (shape {@code [n]}) over a copy of {@code values}. */
    public static Tensor of(float[] values) {
        return of(new int[] {values.length}, values);
    }

    /** Returns a scalar (shape {@code []}). */
    public static Tensor scalar(float value) {
        return new Tensor(new int[0], new float[] {value}, null, false);
    }

    /** Returns a matrix (shape {@code [rows, columns]}) from rows that must all have the same length. */
    public static Tensor of(float[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("rows must not be empty");
        }
        int columns = rows[0].length;
        float[] values = new float[rows.length * columns];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != columns) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length
                        + " values, but row 0 has " + columns);
            }
            System.arraycopy(rows[r], 0, values, r * columns, columns);
        }
        return new Tensor(new int[] {rows.length, columns}, values, null, false);
    }

    /** Returns a tensor of shape {@code [a, b, c]} (e.g. a batch of sequences) from nested arrays of equal lengths. */
    public static Tensor of(float[][][] values) {
        return Nested.of(values, 3);
    }

    /** Returns a tensor of shape {@code [a, b, c, d]} (e.g. a batch of images) from nested arrays of equal lengths. */
    public static Tensor of(float[][][][] values) {
        return Nested.of(values, 4);
    }

    /** Returns a vector (shape {@code [n]}) of {@code values} as floats, e.g. class labels. */
    public static Tensor of(int[] values) {
        return Nested.of(values, 1);
    }

    /** Returns a matrix (shape {@code [rows, columns]}) of {@code values} as floats. */
    public static Tensor of(int[][] values) {
        return Nested.of(values, 2);
    }

    /** Returns a tensor of shape {@code [a, b, c]} of {@code values} as floats (e.g. token ids). */
    public static Tensor of(int[][][] values) {
        return Nested.of(values, 3);
    }

    /** Returns a tensor of shape {@code [a, b, c, d]} of {@code values} as floats (e.g. 8-bit images). */
    public static Tensor of(int[][][][] values) {
        return Nested.of(values, 4);
    }

    /** Returns a tensor of zeros. */
    public static Tensor zeros(int... shape) {
        return new Tensor(shape.clone(), new float[Shapes.size(shape)], null, false);
    }

    /** Returns a tensor whose every value is {@code value}. */
    public static Tensor filled(float value, int... shape) {
        float[] values = new float[Shapes.size(shape)];
        Arrays.fill(values, value);
        return new Tensor(shape.clone(), values, null, false);
    }

    /** Returns this tensor's values as a leaf that gradients are computed for (a weight's value). */
    public Tensor asVariable() {
        return new Tensor(shape, storage, null, true);
    }

    /** Returns this tensor's values without the record of how they were computed. */
    public Tensor detach() {
        return creator == null && !requiresGrad ? this : new Tensor(shape, storage, null, false);
    }

    private static void checkShape(int[] shape, float[] values) {
        if (shape == null || values == null) {
            throw new IllegalArgumentException("shape and values must not be null");
        }
        long size = 1;
        for (int dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("shape must not have negative dimensions, got "
                        + Shapes.describe(shape));
            }
            size *= dim;
        }
        if (size != values.length) {
            throw new IllegalArgumentException("shape " + Shapes.describe(shape) + " holds " + size
                    + " values, but " + values.length + " were given");
        }
    }

    /** Returns a copy of this tensor's shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** Returns the number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** Returns the size of dimension {@code axis}; negative axes count from the end, as in Keras. */
    public int dim(int axis) {
        int resolved = axis < 0 ? shape.length + axis : axis;
        if (resolved < 0 || resolved >= shape.length) {
            throw new IllegalArgumentException("axis " + axis + " is out of range for shape " + Shapes.describe(shape));
        }
        return shape[resolved];
    }

    /** Returns the number of values. */
    public int size() {
        return Shapes.size(shape);
    }

    /** Returns a copy of the values, row-major. */
    public float[] toArray() {
        return storage.host().clone();
    }

    /** Returns the value at the given row-major flat index. */
    public float get(int flatIndex) {
        return storage.host()[flatIndex];
    }

    /** Returns the single value of a tensor that holds one. */
    public float item() {
        if (size() != 1) {
            throw new IllegalStateException("item() needs a tensor with one value, this one has shape "
                    + Shapes.describe(shape));
        }
        return storage.host()[0];
    }

    /** Returns this + other, broadcasting as Keras does (a scalar, a row, …), with gradients. */
    public Tensor add(Tensor other) {
        return Ops.add(this, other);
    }

    /** Returns this + value for every value. */
    public Tensor add(float value) {
        return Ops.add(this, scalar(value));
    }

    /** Returns this − other, broadcasting as Keras does, with gradients. */
    public Tensor sub(Tensor other) {
        return Ops.subtract(this, other);
    }

    /** Returns this − value for every value. */
    public Tensor sub(float value) {
        return Ops.subtract(this, scalar(value));
    }

    /** Returns this · other element by element, broadcasting as Keras does, with gradients. */
    public Tensor mul(Tensor other) {
        return Ops.multiply(this, other);
    }

    /** Returns this · value for every value. */
    public Tensor mul(float value) {
        return Ops.scale(this, value);
    }

    /** Returns this / other element by element, broadcasting as Keras does, with gradients. */
    public Tensor div(Tensor other) {
        return Ops.divide(this, other);
    }

    /** Returns this / value for every value. */
    public Tensor div(float value) {
        return Ops.divide(this, scalar(value));
    }

    /** Returns −this. */
    public Tensor neg() {
        return Ops.negative(this);
    }

    /** Returns the matrix product of this {@code [m, k]} and {@code other} {@code [k, n]}. */
    public Tensor matmul(Tensor other) {
        return Ops.matmul(this, other);
    }

    /** Returns each value squared. */
    public Tensor square() {
        return Ops.square(this);
    }

    /** Returns each value's square root. */
    public Tensor sqrt() {
        return Ops.sqrt(this);
    }

    /** Returns e to the power of each value. */
    public Tensor exp() {
        return Ops.exp(this);
    }

    /** Returns each value's natural logarithm. */
    public Tensor log() {
        return Ops.log(this);
    }

    /** Returns each value's absolute value. */
    public Tensor abs() {
        return Ops.abs(this);
    }

    /** Returns the sum of all values as a scalar. */
    public Tensor sum() {
        return Ops.sumAll(this);
    }

    /** Returns the sum over {@code axis} (negative counts from the end), which the result drops, as Keras's ops. */
    public Tensor sum(int axis) {
        return dropAxis(Ops.sum(this, axis), axis);
    }

    /** Returns the mean of all values as a scalar. */
    public Tensor mean() {
        return Ops.meanAll(this);
    }

    /** Returns the mean over {@code axis} (negative counts from the end), which the result drops. */
    public Tensor mean(int axis) {
        return dropAxis(Ops.mean(this, axis), axis);
    }

    private Tensor dropAxis(Tensor kept, int axis) {
        int resolved = resolveAxis(axis);
        int[] dropped = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != resolved) {
                dropped[j++] = shape[i];
            }
        }
        return Ops.reshape(kept, dropped);
    }

    /** Returns the values viewed with {@code newShape}; one dimension may be -1, as in Keras. */
    public Tensor reshape(int... newShape) {
        return Ops.reshape(this, newShape);
    }

    /** Returns the axes permuted: result axis i is axis {@code permutation[i]} of this tensor. */
    public Tensor transpose(int... permutation) {
        return Ops.transpose(this, permutation);
    }

    /** Returns examples {@code [start, end)} along the first axis, as Python's {@code x[start:end]}. */
    public Tensor slice(int start, int end) {
        return slice(0, start, end);
    }

    /**
     * Returns positions {@code [start, end)} along {@code axis} (negative axes count from the end; negative positions
     * too, as Python's slices do), with gradients.
     */
    public Tensor slice(int axis, int start, int end) {
        int size = dim(axis);
        int from = start < 0 ? size + start : start;
        int to = end < 0 ? size + end : end;
        if (from < 0 || to > size || from > to) {
            throw new IllegalArgumentException("slice [" + start + ", " + end + ") is out of range for axis " + axis
                    + " of shape " + Shapes.describe(shape));
        }
        return Ops.slice(this, axis, from, to - from);
    }

    /**
     * Returns the index of the largest value along {@code axis} (negative counts from the end; the first index on a
     * tie), as Keras's {@code ops.argmax}: the axis is dropped, the indices are floats, and no gradient flows.
     */
    public Tensor argmax(int axis) {
        int resolved = resolveAxis(axis);
        int outer = 1;
        for (int i = 0; i < resolved; i++) {
            outer *= shape[i];
        }
        int length = shape[resolved];
        int inner = size() / Math.max(1, outer * length);
        if (length == 0) {
            throw new IllegalArgumentException("argmax needs a non-empty axis " + axis + ", shape is "
                    + Shapes.describe(shape));
        }
        float[] values = storage.host();
        float[] indices = new float[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * length * inner + i;
                int best = 0;
                for (int k = 1; k < length; k++) {
                    if (values[base + k * inner] > values[base + best * inner]) {
                        best = k;
                    }
                }
                indices[o * inner + i] = best;
            }
        }
        int[] result = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != resolved) {
                result[j++] = shape[i];
            }
        }
        return new Tensor(result, indices, null, false);
    }

    private int resolveAxis(int axis) {
        int resolved = axis < 0 ? shape.length + axis : axis;
        if (resolved < 0 || resolved >= shape.length) {
            throw new IllegalArgumentException("axis " + axis + " is out of range for shape " + Shapes.describe(shape));
        }
        return resolved;
    }

    /** Returns whether gradients flow back through this tensor. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Returns the shape as Keras prints it, e.g. {@code (3, 1)}. */
    public static String describe(int[] shape) {
        return Shapes.describe(shape);
    }

    /**
     * Returns the values with four decimals, nested by dimension. The formatting is done here rather
     * than by {@code Float.toString} so that the JVM and TeaVM print exactly the same text.
     */
    @Override
    public String toString() {
        if (shape.length == 0) {
            return Numbers.format(storage.host()[0], 4);
        }
        StringBuilder text = new StringBuilder();
        appendNested(text, 0, 0);
        return text.toString();
    }

    private int appendNested(StringBuilder text, int axis, int offset) {
        if (axis == shape.length) {
            text.append(Numbers.format(storage.host()[offset], 4));
            return offset + 1;
        }
        text.append('[');
        int next = offset;
        for (int i = 0; i < shape[axis]; i++) {
            if (i > 0) {
                text.append(", ");
            }
            next = appendNested(text, axis + 1, next);
        }
        text.append(']');
        return next;
    }

    /** Two tensors are equal when their shapes and values are; how they were computed does not matter. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Tensor
                && Arrays.equals(shape, ((Tensor) other).shape)
                && Arrays.equals(storage.host(), ((Tensor) other).storage.host());
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(storage.host());
    }

    /**
     * Lends {@link TensorInternals} what backends and ops need; see there. Private, so that only this class can
     * hand it out, and only once.
     */
    private static final class Internals implements TensorInternals.Access {
        @Override
        public float[] values(Tensor tensor) {
            return tensor.storage.host();
        }

        @Override
        public Tensor wrap(int[] shape, float[] values) {
            checkShape(shape, values);
            return new Tensor(shape, values, null, false);
        }

        @Override
        public Tensor onDevice(int[] shape, DeviceData data) {
            if (shape == null || data == null) {
                throw new IllegalArgumentException("shape and data must not be null");
            }
            return new Tensor(shape.clone(), new Storage(null, data), null, false);
        }

        @Override
        public Tensor derived(Tensor value, Function creator) {
            return new Tensor(value.shape, value.storage, creator, true);
        }

        @Override
        public Function creator(Tensor tensor) {
            return tensor.creator;
        }

        @Override
        public Tensor softmaxOutput(Tensor probabilities, Tensor logits) {
            return new Tensor(probabilities.shape, probabilities.storage, probabilities.creator,
                    probabilities.requiresGrad, logits);
        }

        @Override
        public Tensor softmaxLogits(Tensor tensor) {
            return tensor.softmaxLogits;
        }

        @Override
        public Tensor reshaped(Tensor x, int[] shape) {
            if (Shapes.size(shape) != x.size()) {
                throw new IllegalArgumentException("cannot view " + x.size() + " values as shape "
                        + Shapes.describe(shape));
            }
            return new Tensor(shape.clone(), x.storage, null, false);
        }

        @Override
        public DeviceData deviceData(Tensor tensor) {
            return tensor.storage.device;
        }

        @Override
        public void attachDeviceData(Tensor tensor, DeviceData data) {
            if (data == null && tensor.storage.host == null) {
                throw new IllegalStateException("cannot forget the only copy of a tensor's values");
            }
            tensor.storage.device = data;
        }

        @Override
        public boolean isOnHost(Tensor tensor) {
            return tensor.storage.host != null;
        }
    }
}
