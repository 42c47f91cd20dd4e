package org.backprop.nn.internal;

import org.backprop.nn.Tensor;
import org.backprop.nn.autograd.Function;

/**
 * The parts of {@link Tensor} that backends, ops, layers, data loaders and the web runtime use and student
 * programs must not: the values array itself (which a program could change under an immutable tensor), device
 * storage, and the records autograd keeps. They are private in {@code Tensor}, which lends them here through
 * {@link Access} when it is loaded, as OkHttp's {@code Internal} does; no reflection, so TeaVM translates it.
 *
 * <p>Backends only: the grader's policy refuses student references to this package. Each method does exactly
 * what the {@code Tensor} method of the same name did while it was public ({@link #values} was
 * {@code internalValues}); a call costs one more static call, which the JIT inlines.
 */
public final class TensorInternals {
    /** Set once, by {@code Tensor}'s static initializer; read through {@link #access()}. */
    private static Access access;

    private TensorInternals() {
    }

    /** What {@code Tensor} lends; implemented by a private class inside it. Not for anything else to implement. */
    public interface Access {
        float[] values(Tensor tensor);

        Tensor wrap(int[] shape, float[] values);

        Tensor onDevice(int[] shape, DeviceData data);

        Tensor derived(Tensor value, Function creator);

        Function creator(Tensor tensor);

        Tensor softmaxOutput(Tensor probabilities, Tensor logits);

        Tensor softmaxLogits(Tensor tensor);

        Tensor reshaped(Tensor x, int[] shape);

        DeviceData deviceData(Tensor tensor);

        void attachDeviceData(Tensor tensor, DeviceData data);

        boolean isOnHost(Tensor tensor);
    }

    /** Called once, by {@code Tensor}'s static initializer; a second call fails. */
    public static void install(Access implementation) {
        if (access != null) {
            throw new IllegalStateException("Tensor's internals are installed already");
        }
        access = implementation;
    }

    /**
     * Returns what Tensor lent. Null only before Tensor is loaded, which a caller that holds a tensor never sees;
     * {@link #wrap} and {@link #onDevice} may come first (a data loader wrapping its first array), so then the call
     * to {@code Tensor.scalar} loads Tensor, whose initializer installs it. Loading Tensor from here rather than
     * from a static initializer of this class keeps the two initializers from waiting on each other.
     */
    private static Access access() {
        Access installed = access;
        if (installed == null) {
            Tensor.scalar(0f);
            installed = access;
        }
        return installed;
    }

    /**
     * Returns the values array itself, for backends and ops that read it in hot loops; values on a device are
     * copied to the host first. Never change it: tensors are immutable and may share arrays.
     */
    public static float[] values(Tensor tensor) {
        return access().values(tensor);
    }

    /**
     * Returns a tensor over {@code values} without copying them. For backends and ops, which hand over arrays they
     * created and never touch again; nobody may change the array afterwards.
     */
    public static Tensor wrap(int[] shape, float[] values) {
        return access().wrap(shape, values);
    }

    /**
     * Returns a tensor whose values a backend holds in device memory: {@code data} must hold exactly as many
     * values as {@code shape} has. Their values are copied to the host the first time anything reads them, and
     * kept.
     */
    public static Tensor onDevice(int[] shape, DeviceData data) {
        return access().onDevice(shape, data);
    }

    /** Returns a tensor over the same values as {@code value} that records {@code creator} for gradients. */
    public static Tensor derived(Tensor value, Function creator) {
        return access().derived(value, creator);
    }

    /**
     * Returns the op that computed {@code tensor}, or {@code null} for inputs and weights; this is how
     * {@link org.backprop.nn.autograd.Gradients} walks back from a loss to the weights.
     */
    public static Function creator(Tensor tensor) {
        return access().creator(tensor);
    }

    /**
     * Returns {@code probabilities}, the softmax of {@code logits} over the last axis, remembering the logits.
     * Cross-entropy losses then work from the logits, as Keras does with its {@code _keras_logits}: one fused,
     * stable computation instead of the log of probabilities that may have rounded to 0.
     */
    public static Tensor softmaxOutput(Tensor probabilities, Tensor logits) {
        return access().softmaxOutput(probabilities, logits);
    }

    /** Returns the logits {@code tensor} is the softmax of (see {@link #softmaxOutput}), or {@code null}. */
    public static Tensor softmaxLogits(Tensor tensor) {
        return access().softmaxLogits(tensor);
    }

    /**
     * Returns a tensor over the same values as {@code x}, viewed with {@code shape} of the same size and without
     * gradient. No values move, wherever they live.
     */
    public static Tensor reshaped(Tensor x, int[] shape) {
        return access().reshaped(x, shape);
    }

    /** Returns the device copy of the values, or {@code null} when they live only in host memory. */
    public static DeviceData deviceData(Tensor tensor) {
        return access().deviceData(tensor);
    }

    /**
     * Records {@code data} as the device copy of the values (an upload a backend made and wants to reuse), or
     * forgets the device copy when {@code data} is {@code null} and the host holds the values. The copy is shared
     * by every tensor that views the same values.
     */
    public static void attachDeviceData(Tensor tensor, DeviceData data) {
        access().attachDeviceData(tensor, data);
    }

    /** Returns whether the values have a copy in host memory, so reading them costs no transfer. */
    public static boolean isOnHost(Tensor tensor) {
        return access().isOnHost(tensor);
    }
}
