package org.backprop.nn.internal;

/**
 * A tensor's values held in a backend's device memory (a GPU buffer). {@link org.backprop.nn.Tensor} asks
 * for them only when host code reads the tensor; until then they never leave the device. Backends attach it
 * to tensors through {@link TensorInternals}.
 */
public interface DeviceData {

    /**
     * Returns the values copied to host memory, row-major; waits for the device to finish computing them.
     * Called at most once per storage: the tensor keeps the copy.
     */
    float[] download();
}
