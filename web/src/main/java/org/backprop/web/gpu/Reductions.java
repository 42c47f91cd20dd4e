package org.backprop.web.gpu;

import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.backend.cpu.CpuBackend;
import org.backprop.nn.internal.TensorInternals;

/**
 * reduceToShape, the sum behind every broadcast's gradient. Sums over one contiguous block of axes (bias
 * gradients [n·h·w, c] → [c], batch-norm means, row sums, a whole tensor) view x as [outer, summed, inner]
 * and reduce as a tree ({@code reduce_axis.wgsl}): one thread per chunk of about √summed values, then one
 * thread per output over the chunks' sums. Other patterns take one thread per output
 * ({@code reduce_to_shape.wgsl}).
 */
final class Reductions {
    /** The strided kernels take shapes of at most this rank; larger ones run on the CPU. */
    private static final int MAX_RANK = 6;
    /** Sums at most this long take one thread per output in a single pass. */
    private static final int ONE_PASS = 1024;

    private final GpuMemory memory;
    private final KernelRunner kernels;
    private final CpuBackend cpu;

    Reductions(GpuMemory memory, KernelRunner kernels, CpuBackend cpu) {
        this.memory = memory;
        this.kernels = kernels;
        this.cpu = cpu;
    }

    /** See {@link org.backprop.nn.backend.Backend#reduceToShape}. */
    Tensor reduceToShape(Tensor x, int[] shape) {
        if (Shapes.same(x.shape(), shape)) {
            return x;
        }
        int rank = x.rank();
        if (rank > MAX_RANK) {
            return cpu.reduceToShape(x, shape);
        }
        Tensor out = GpuMemory.tensor(shape.clone(), memory.allocate(Shapes.size(shape)));
        if (out.size() == 0) {
            return out;
        }
        int[] kept = Broadcasts.padLeft(shape, rank);
        // The summed axes (kept size 1, input size > 1) and whether they form one block, size-1 axes aside.
        int first = -1;
        int last = -1;
        boolean block = true;
        for (int axis = 0; axis < rank; axis++) {
            if (kept[axis] == 1 && x.dim(axis) != 1) {
                if (last >= 0) {
                    for (int between = last + 1; between < axis; between++) {
                        block &= x.dim(between) == 1;
                    }
                }
                first = first < 0 ? axis : first;
                last = axis;
            }
        }
        if (first >= 0 && block) {
            sumMiddle(memory.on(x), product(x.shape(), 0, first), product(x.shape(), first, last + 1),
                    product(x.shape(), last + 1, rank), (GpuData) TensorInternals.deviceData(out));
        } else {
            perOutput(x, kept, out);
        }
        return out;
    }

    /** Sums x [outer, summed, inner] over its middle axis into result [outer, inner]. */
    private void sumMiddle(GpuData x, int outer, int summed, int inner, GpuData result) {
        // Chunks of about √summed values: as many threads per output as values per thread, so that the second
        // pass (over the chunks' sums) is as short as the first.
        int chunkLength = summed <= ONE_PASS ? Math.max(summed, 1) : (int) Math.ceil(Math.sqrt(summed));
        int chunks = Math.max(1, KernelRunner.ceilDiv(summed, chunkLength));
        GpuData target = chunks == 1 ? result : memory.allocate(outer * chunks * inner);
        kernels.runElementwise("reduce_axis", () -> WgslSources.REDUCE_AXIS,
                new int[] {outer, summed, inner, chunkLength, chunks}, new GpuData[] {x, target}, outer * chunks * inner);
        if (chunks > 1) {
            sumMiddle(target, outer, chunks, inner, result);
        }
    }

    private void perOutput(Tensor x, int[] kept, Tensor out) {
        int rank = x.rank();
        int[] inStrides = Broadcasts.strides(x.shape(), x.shape());
        int[] params = new int[22];
        params[0] = rank;
        params[1] = out.size();
        params[2] = x.size() / out.size();
        for (int axis = 0; axis < rank; axis++) {
            params[4 + axis] = x.dim(axis);
            params[10 + axis] = kept[axis];
            params[16 + axis] = inStrides[axis];
        }
        kernels.runElementwise("reduce_to_shape", () -> WgslSources.REDUCE_TO_SHAPE, params,
                new GpuData[] {memory.on(x), (GpuData) TensorInternals.deviceData(out)}, out.size());
    }

    private static int product(int[] shape, int from, int to) {
        int product = 1;
        for (int axis = from; axis < to; axis++) {
            product *= shape[axis];
        }
        return product;
    }
}
