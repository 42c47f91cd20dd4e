package org.backprop.nn.backend;

import org.backprop.nn.Activation;
import org.backprop.nn.Tensor;

/**
 * The primitive operations that every backend implements: the pure-Java CPU backend is the reference,
 * the WebGPU backend (module {@code web}) runs the same operations as compute shaders.
 *
 * <p>Layers check shapes before they call a backend, so implementations may assume valid shapes.
 */
public interface Backend {

    /** Returns a short name for run records and messages, e.g. {@code "cpu"} or {@code "webgpu"}. */
    String name();

    /**
     * Returns {@code activation(input × kernel + bias)}: input {@code [batch, in]}, kernel
     * {@code [in, units]}, bias {@code [units]}, result {@code [batch, units]}.
     */
    Tensor dense(Tensor input, Tensor kernel, Tensor bias, Activation activation);
}
