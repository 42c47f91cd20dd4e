package org.backprop.web.gpu;

import java.util.Arrays;
import java.util.List;
import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.backend.cpu.CpuBackend;
import org.backprop.nn.internal.TensorInternals;

/**
 * The ops that move values without arithmetic, plus the embedding pair: transpose, slice and concatenate as
 * strided copies ({@code strided_copy.wgsl}), gather, and its gradient scatterAddRows, which adds each table
 * row's updates in the order of their positions, as the CPU backend does, so the two agree bit for bit.
 */
final class ShapeOps {
    /** The strided copy takes views of at most this rank; others run on the CPU. */
    private static final int MAX_RANK = 6;

    private final GpuMemory memory;
    private final KernelRunner kernels;
    private final CpuBackend cpu;

    ShapeOps(GpuMemory memory, KernelRunner kernels, CpuBackend cpu) {
        this.memory = memory;
        this.kernels = kernels;
        this.cpu = cpu;
    }

    /** See {@link org.backprop.nn.backend.Backend#transpose}; any rank whose permuted runs merge to at most 6. */
    Tensor transpose(Tensor x, int[] permutation) {
        int rank = x.rank();
        int[] inStrides = Shapes.strides(x.shape());
        // Output axes of size 1 drop out, and neighbours that stay neighbours in the input merge into one, so an
        // NHWC -> NCHW transpose is the 3-D [n, hw, c] -> [n, c, hw].
        int[] dims = new int[rank];
        int[] strides = new int[rank];
        int merged = 0;
        for (int axis = 0; axis < rank; axis++) {
            int dim = x.dim(permutation[axis]);
            int stride = inStrides[permutation[axis]];
            if (dim == 1) {
                continue;
            }
            if (merged > 0 && strides[merged - 1] == stride * dim) {
                dims[merged - 1] *= dim;
                strides[merged - 1] = stride;
            } else {
                dims[merged] = dim;
                strides[merged] = stride;
                merged++;
            }
        }
        if (merged > MAX_RANK) {
            return cpu.transpose(x, permutation);
        }
        int[] shape = new int[rank];
        for (int axis = 0; axis < rank; axis++) {
            shape[axis] = x.dim(permutation[axis]);
        }
        Tensor out = output(shape);
        int[] viewDims = Arrays.copyOf(dims, merged);
        copy(x, 0, out, 0, viewDims, Arrays.copyOf(strides, merged), Shapes.strides(viewDims));
        return out;
    }

    /** See {@link org.backprop.nn.backend.Backend#slice}. */
    Tensor slice(Tensor x, int axis, int start, int length) {
        int[] shape = x.shape();
        int full = shape[axis];
        shape[axis] = length;
        int inner = inner(shape, axis);
        int outer = outer(shape, axis);
        Tensor out = output(shape);
        copy(x, start * inner, out, 0, new int[] {outer, length * inner}, new int[] {full * inner, 1},
                new int[] {length * inner, 1});
        return out;
    }

    /** See {@link org.backprop.nn.backend.Backend#concatenate}: one copy per part, at its offset. */
    Tensor concatenate(List<Tensor> parts, int axis) {
        int[] shape = parts.get(0).shape();
        int total = 0;
        for (Tensor part : parts) {
            total += part.dim(axis);
        }
        shape[axis] = total;
        int inner = inner(shape, axis);
        int outer = outer(shape, axis);
        Tensor out = output(shape);
        int offset = 0;
        for (Tensor part : parts) {
            int chunk = part.dim(axis) * inner;
            copy(part, 0, out, offset, new int[] {outer, chunk}, new int[] {chunk, 1}, new int[] {total * inner, 1});
            offset += chunk;
        }
        return out;
    }

    /** See {@link org.backprop.nn.backend.Backend#gather}. */
    Tensor gather(Tensor table, Tensor indices) {
        int width = table.dim(1);
        int[] shape = Arrays.copyOf(indices.shape(), indices.rank() + 1);
        shape[indices.rank()] = width;
        Tensor out = output(shape);
        int count = out.size();
        if (count > 0) {
            kernels.runElementwise("gather", () -> WgslSources.GATHER, new int[] {count, width, table.dim(0)},
                    new GpuData[] {memory.on(table), memory.on(indices), data(out)}, count);
        }
        return out;
    }

    /**
     * See {@link org.backprop.nn.backend.Backend#scatterAddRows}: a stable counting sort of the positions by
     * row (one workgroup), then one thread per result value adds its row's updates in position order.
     */
    Tensor scatterAddRows(Tensor updates, Tensor indices, int rows) {
        int width = updates.dim(-1);
        int n = indices.size();
        Tensor out = output(new int[] {rows, width});
        if (out.size() == 0) {
            return out;
        }
        // Row starts (rows + 1), cursors (rows), then the sorted positions (n); see scatter_rows_order.wgsl.
        GpuData scratch = memory.allocate(2 * rows + 1 + n);
        GpuData ids = memory.on(indices);
        kernels.run("scatter_rows_order", () -> WgslSources.SCATTER_ROWS_ORDER, new int[] {n, rows},
                new GpuData[] {ids, scratch}, 1, 1, 1);
        kernels.runElementwise("scatter_rows_sum", () -> WgslSources.SCATTER_ROWS_SUM,
                new int[] {out.size(), width, rows},
                new GpuData[] {memory.on(updates), scratch, data(out)}, out.size());
        return out;
    }

    /** Records a strided copy of {@code x}'s values into {@code out}; see {@code strided_copy.wgsl}. */
    private void copy(Tensor x, int inBase, Tensor out, int outBase, int[] dims, int[] inStrides, int[] outStrides) {
        int count = Shapes.size(dims);
        if (count == 0) {
            return;
        }
        int[] params = new int[22];
        params[0] = dims.length;
        params[1] = count;
        params[2] = inBase;
        params[3] = outBase;
        for (int axis = 0; axis < dims.length; axis++) {
            params[4 + axis] = dims[axis];
            params[10 + axis] = inStrides[axis];
            params[16 + axis] = outStrides[axis];
        }
        kernels.runElementwise("strided_copy", () -> WgslSources.STRIDED_COPY, params,
                new GpuData[] {memory.on(x), data(out)}, count);
    }

    /** Returns the number of positions before {@code axis}: the product of the dimensions in front of it. */
    private static int outer(int[] shape, int axis) {
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= shape[i];
        }
        return outer;
    }

    /** Returns the number of values one step along {@code axis} spans. */
    private static int inner(int[] shape, int axis) {
        int inner = 1;
        for (int i = axis + 1; i < shape.length; i++) {
            inner *= shape[i];
        }
        return inner;
    }

    private Tensor output(int[] shape) {
        return GpuMemory.tensor(shape, memory.allocate(Shapes.size(shape)));
    }

    private static GpuData data(Tensor deviceTensor) {
        return (GpuData) TensorInternals.deviceData(deviceTensor);
    }
}
