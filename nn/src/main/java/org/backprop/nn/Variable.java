package org.backprop.nn;

import org.backprop.nn.backend.Backends;
import org.backprop.nn.internal.VariableJournal;

/**
 * A weight: a named, shaped slot whose value the optimizer replaces after every step. Its current value is
 * a leaf tensor that gradients are computed for. The backend is told to keep the current value beyond the
 * step that computed it, and may free the one it replaces.
 *
 * <p>Not thread-safe: a model trains on one thread.
 */
public final class Variable {
    private final String name;
    private final int[] shape;
    private final boolean trainable;
    private Tensor value;

    public Variable(String name, Tensor initialValue, boolean trainable) {
        this.name = name;
        this.shape = initialValue.shape();
        this.trainable = trainable;
        this.value = initialValue.asVariable();
        Backends.current().retain(value);
    }

    /** Returns the name, e.g. {@code "dense/kernel"}. */
    public String name() {
        return name;
    }

    /** Returns a copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** Returns whether the optimizer updates this weight. */
    public boolean trainable() {
        return trainable;
    }

    /** Returns the current value; gradients of a loss computed from it are taken with respect to it. */
    public Tensor value() {
        return value;
    }

    /** Replaces the value with one of the same shape. */
    public void assign(Tensor newValue) {
        if (!Shapes.same(shape, newValue.shape())) {
            throw new IllegalArgumentException("weight " + name + " has shape " + Shapes.describe(shape)
                    + ", cannot assign a value of shape " + Shapes.describe(newValue.shape()));
        }
        Tensor previous = value;
        VariableJournal.assigning(this, previous);
        value = newValue.asVariable();
        Backends.current().retain(value);
        Backends.current().release(previous);
    }

    /** Returns the number of values. */
    public int size() {
        return value.size();
    }
}
