package org.backprop.nn.autograd;

import org.backprop.nn.Tensor;

/**
 * One application of a primitive op in the graph: its inputs and how to turn the gradient of its output
 * into gradients of its inputs. Each primitive keeps what its backward needs and nothing more.
 */
public abstract class Function {
    private final Tensor[] inputs;

    protected Function(Tensor... inputs) {
        this.inputs = inputs;
    }

    /** Returns the op's inputs, in the order {@link #backward} answers for them. */
    public final Tensor[] inputs() {
        return inputs;
    }

    /**
     * Returns the gradient of the loss with respect to each input, given the gradient with respect to the
     * output; an entry may be {@code null} for an input that needs no gradient.
     */
    public abstract Tensor[] backward(Tensor outputGradient);

    /** Returns the op's name for messages, e.g. {@code "matmul"}. */
    public abstract String name();
}
