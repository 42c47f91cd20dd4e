package org.backprop.web.gpu;

import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.internal.TensorInternals;

/**
 * Random tensors drawn on the GPU, value for value what {@link org.backprop.nn.random.RandomGenerator} draws on
 * the host from the same state ({@code dropout_mask.wgsl}), so a seed gives the same run on either backend.
 *
 * <p>The state reaches the kernel in a two-word storage buffer rather than among its parameters: it changes with
 * every mask, and parameter blocks are cached by content, which a new block per step would only churn.
 */
final class RandomOps {
    private final GpuMemory memory;
    private final KernelRunner kernels;

    RandomOps(GpuMemory memory, KernelRunner kernels) {
        this.memory = memory;
        this.kernels = kernels;
    }

    /** See {@link org.backprop.nn.backend.Backend#dropoutMask}. */
    Tensor dropoutMask(long state, int[] shape, float rate) {
        int count = Shapes.size(shape);
        Tensor out = GpuMemory.tensor(shape.clone(), memory.allocate(count));
        if (count == 0) {
            return out;
        }
        float scale = 1f / (1f - rate);
        GpuData stateWords = memory.upload(new int[] {(int) state, (int) (state >>> 32)});
        kernels.runElementwise("dropout_mask", () -> WgslSources.DROPOUT_MASK,
                new int[] {count, Float.floatToIntBits(rate), Float.floatToIntBits(scale)},
                new GpuData[] {stateWords, (GpuData) TensorInternals.deviceData(out)}, count);
        // Only the dispatch just recorded reads it; the pool hands it out again after that is submitted.
        memory.free(stateWords);
        return out;
    }
}
