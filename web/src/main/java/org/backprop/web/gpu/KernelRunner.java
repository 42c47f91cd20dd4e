package org.backprop.web.gpu;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.teavm.jso.typedarrays.Int32Array;

/**
 * Dispatches WGSL kernels. Every kernel follows one binding convention: binding 0 is a uniform block of
 * 32-bit parameters (read in WGSL as {@code array<vec4u, 8>}), bindings 1… are the storage buffers in the
 * order given, inputs first and the output last. A storage binding is a range of a buffer, since a tensor may
 * be a view into an arena ({@link GpuData#range()}).
 *
 * <p>Parameter blocks are cached by content and bind groups by what they bind, so a training step, which asks
 * for the same shapes over the same pooled buffers every time, uploads and creates none after its first run.
 */
final class KernelRunner {
    /** Threads per workgroup of the element-wise kernels (their {@code @workgroup_size}). */
    static final int ELEMENTWISE_GROUP = 256;
    /** The most workgroups WebGPU guarantees along one dispatch dimension. */
    static final int MAX_GROUPS = 65535;
    /** Words in a parameter block: {@code array<vec4u, 8>}. */
    static final int PARAMETER_WORDS = 32;
    private static final int MAX_CACHED_PARAMETERS = 4096;

    private final GpuDevice device;
    private final GpuMemory memory;
    private final KernelCache kernels;
    private final BindGroupCache bindGroups;
    private final Map<IntArrayKey, GpuBuffer> parameters = new HashMap<>();
    private int dispatches;

    KernelRunner(GpuDevice device, GpuMemory memory) {
        this.device = device;
        this.memory = memory;
        this.kernels = new KernelCache(device);
        this.bindGroups = new BindGroupCache(device);
    }

    /** Records {@code op}'s kernel over {@code groupsX × groupsY × groupsZ} workgroups. */
    void run(String op, Supplier<String> wgsl, int[] params, GpuData[] buffers, int groupsX, int groupsY, int groupsZ) {
        run(op, wgsl, params, ranges(buffers), groupsX, groupsY, groupsZ);
    }

    private void run(String op, Supplier<String> wgsl, int[] params, BufferRange[] buffers, int groupsX, int groupsY,
            int groupsZ) {
        if (groupsX == 0 || groupsY == 0 || groupsZ == 0) {
            return;
        }
        KernelCache.Kernel kernel = kernels.kernel(op, wgsl);
        GpuBindGroup group = bindGroups.bindGroup(kernel, parameterBlock(params), PARAMETER_WORDS * 4, buffers);
        memory.commands().dispatch(kernel.pipeline, group, groupsX, groupsY, groupsZ);
        dispatches++;
    }

    /**
     * Records an element-wise kernel with one thread per value for {@code count} values; the kernel finds its
     * index as {@code gid.x + gid.y * num_workgroups.x * 256}, since large tensors need a second dimension.
     */
    void runElementwise(String op, Supplier<String> wgsl, int[] params, GpuData[] buffers, int count) {
        runElementwise(op, wgsl, params, ranges(buffers), count);
    }

    /** {@link #runElementwise(String, Supplier, int[], GpuData[], int)} over buffer ranges (arena regions). */
    void runElementwise(String op, Supplier<String> wgsl, int[] params, BufferRange[] buffers, int count) {
        runGroups(op, wgsl, params, buffers, ceilDiv(count, ELEMENTWISE_GROUP));
    }

    /**
     * Records {@code groups} workgroups of a kernel that numbers them {@code id.x + id.y * num_workgroups.x}:
     * beyond the 65,535 one dimension allows, they spill into a second dimension.
     */
    void runGroups(String op, Supplier<String> wgsl, int[] params, GpuData[] buffers, int groups) {
        runGroups(op, wgsl, params, ranges(buffers), groups);
    }

    private void runGroups(String op, Supplier<String> wgsl, int[] params, BufferRange[] buffers, int groups) {
        run(op, wgsl, params, buffers, Math.min(groups, MAX_GROUPS), Math.max(ceilDiv(groups, MAX_GROUPS), 1), 1);
    }

    private static BufferRange[] ranges(GpuData[] buffers) {
        BufferRange[] ranges = new BufferRange[buffers.length];
        for (int i = 0; i < buffers.length; i++) {
            ranges[i] = buffers[i].range();
        }
        return ranges;
    }

    /** Returns how many bind groups were created so far (the others were reused). */
    int createdBindGroups() {
        return bindGroups.created();
    }

    /** Returns how many kernels were dispatched so far. */
    int dispatches() {
        return dispatches;
    }

    private GpuBuffer parameterBlock(int[] words) {
        if (words.length > PARAMETER_WORDS) {
            throw new IllegalArgumentException("a kernel takes at most " + PARAMETER_WORDS + " parameters");
        }
        IntArrayKey cacheKey = new IntArrayKey(words);
        GpuBuffer block = parameters.get(cacheKey);
        if (block == null) {
            if (parameters.size() >= MAX_CACHED_PARAMETERS) {
                // Shapes that change every step (rare) would otherwise grow the cache without bound. Blocks still
                // named by recorded commands stay alive until those run: WebGPU keeps what commands reference.
                parameters.clear();
            }
            Int32Array data = new Int32Array(PARAMETER_WORDS);
            for (int i = 0; i < words.length; i++) {
                data.set(i, words[i]);
            }
            block = device.createBuffer(Descriptors.buffer(PARAMETER_WORDS * 4,
                    Descriptors.UNIFORM | Descriptors.COPY_DST));
            device.getQueue().writeBuffer(block, 0, data);
            parameters.put(cacheKey.copy(), block);
        }
        return block;
    }

    /** Returns how many groups of {@code divisor} cover {@code value} items: the dispatch size for them. */
    static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }
}
