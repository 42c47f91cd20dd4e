package org.backprop.web.gpu;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.Tensor;
import org.backprop.nn.backend.UpdateRule;

/**
 * Applies an optimizer step to every weight with one kernel dispatch (a parameter arena) rather than one
 * per weight.
 *
 * <p>The update is functional: it returns new weights and slots and leaves the old ones valid while they are
 * retained (EarlyStopping keeps snapshots). So each step writes a fresh {@link GpuArena}: region 0 holds the
 * new weights, region 1… each slot, every weight a segment at the same place in every region, starting at a
 * multiple of the device's storage offset alignment so that each result is a view kernels can bind. The
 * kernel reads region r of its inputs and writes region r of the arena, one thread per position; the padding
 * between segments computes values that no view reads.
 *
 * <p>Gradients are separate buffers that autograd made: buffer copies gather them into a scratch arena of
 * one region. Weights and slots are read in place when they are the previous update's arena with the same
 * layout (the steady state of a training loop: no copies); otherwise (the first step, or after something
 * replaced a weight) they are gathered into a scratch arena too. The per-rule kernels are the per-weight
 * ones of before, run over whole regions, so the arithmetic is unchanged.
 *
 * <p>Weights that do not fit one binding or buffer go, in order, into as many arenas as needed, one dispatch
 * each.
 */
final class FusedUpdates {
    private final GpuMemory memory;
    private final KernelRunner kernels;
    /** Bytes a segment starts at a multiple of: WebGPU's minStorageBufferOffsetAlignment. */
    private final int alignment;
    private final int maxBindingBytes;
    /** The device's maxBufferSize, at most 1 GiB so that the pool's int sizes never overflow. */
    private final int maxBufferBytes;

    FusedUpdates(GpuDevice device, GpuMemory memory, KernelRunner kernels) {
        this.memory = memory;
        this.kernels = kernels;
        // At least 16 bytes, so that every segment and region is a whole number of the kernels' vec4s.
        this.alignment = Math.max(16, Descriptors.limit(device, "minStorageBufferOffsetAlignment", 256));
        this.maxBindingBytes = Descriptors.limit(device, "maxStorageBufferBindingSize", 128 << 20);
        this.maxBufferBytes = Math.min(Descriptors.limit(device, "maxBufferSize", 256 << 20), 1 << 30);
    }

    /** See {@link org.backprop.nn.backend.Backend#applyUpdates}. */
    List<Tensor[]> applyUpdates(UpdateRule rule, List<Tensor> weights, List<Tensor> gradients,
            List<Tensor[]> slots) {
        int regions = 1 + rule.kind().slots();
        int maxRegionBytes = Math.min(maxBindingBytes, maxBufferBytes / regions) / alignment * alignment;
        List<Tensor[]> updated = new ArrayList<>(weights.size());
        int from = 0;
        while (from < weights.size()) {
            int to = from + 1;
            long regionBytes = segmentBytes(weights.get(from).size());
            while (to < weights.size() && regionBytes + segmentBytes(weights.get(to).size()) <= maxRegionBytes) {
                regionBytes += segmentBytes(weights.get(to).size());
                to++;
            }
            update(rule, regions, weights.subList(from, to), gradients.subList(from, to), slots.subList(from, to),
                    updated);
            from = to;
        }
        return updated;
    }

    private void update(UpdateRule rule, int regions, List<Tensor> weights, List<Tensor> gradients,
            List<Tensor[]> slots, List<Tensor[]> updated) {
        int n = weights.size();
        int[] starts = new int[n];
        int[] lengths = new int[n];
        int regionBytes = 0;
        for (int j = 0; j < n; j++) {
            lengths[j] = weights.get(j).size();
            starts[j] = regionBytes;
            regionBytes += segmentBytes(lengths[j]);
        }
        GpuData[] inputs = new GpuData[regions * n];
        GpuData[] gradientData = new GpuData[n];
        for (int j = 0; j < n; j++) {
            inputs[j] = memory.on(weights.get(j));
            for (int s = 1; s < regions; s++) {
                inputs[s * n + j] = memory.on(slots.get(j)[s - 1]);
            }
            gradientData[j] = memory.on(gradients.get(j));
        }
        GpuData gradientArena = gather(gradientData, 1, regionBytes, starts);
        GpuArena previous = arenaWithLayout(inputs, regions, regionBytes, starts);
        GpuData gathered = previous == null ? gather(inputs, regions, regionBytes, starts) : null;
        GpuBuffer source = previous == null ? gathered.buffer : previous.buffer;
        GpuData[] views = memory.allocateArena(regionBytes, regions, starts, lengths);

        BufferRange[] bindings = new BufferRange[1 + 2 * regions];
        bindings[0] = new BufferRange(gradientArena.buffer, 0, regionBytes);
        for (int r = 0; r < regions; r++) {
            bindings[1 + r] = new BufferRange(source, r * regionBytes, regionBytes);
            bindings[1 + regions + r] = new BufferRange(views[0].buffer, r * regionBytes, regionBytes);
        }
        // The kernels read four values at a time; a region is a whole number of aligned segments.
        dispatch(rule, bindings, regionBytes / 16);
        memory.free(gradientArena);
        if (gathered != null) {
            memory.free(gathered);
        }

        for (int j = 0; j < n; j++) {
            int[] shape = weights.get(j).shape();
            Tensor[] results = new Tensor[regions];
            for (int r = 0; r < regions; r++) {
                results[r] = GpuMemory.tensor(shape, views[r * n + j]);
            }
            updated.add(results);
        }
    }

    /** Returns the bytes of a weight's segment: its padded size, rounded up to the offset alignment. */
    private int segmentBytes(int length) {
        return KernelRunner.ceilDiv(GpuData.paddedBytes(length), alignment) * alignment;
    }

    /**
     * Copies {@code parts} ({@code regions} × n, region by region) to their segments of a fresh scratch arena,
     * freed once the update is recorded.
     */
    private GpuData gather(GpuData[] parts, int regions, int regionBytes, int[] starts) {
        GpuData arena = memory.allocate(regions * regionBytes / 4);
        int n = starts.length;
        for (int r = 0; r < regions; r++) {
            for (int j = 0; j < n; j++) {
                GpuData part = parts[r * n + j];
                if (part.length > 0) {
                    memory.commands().copy(part.buffer, part.offset, arena.buffer, r * regionBytes + starts[j],
                            part.byteLength());
                }
            }
        }
        return arena;
    }

    /** Returns the arena that holds every input at its place in this layout already, or {@code null}. */
    private static GpuArena arenaWithLayout(GpuData[] inputs, int regions, int regionBytes, int[] starts) {
        GpuArena arena = inputs[0].arena;
        if (arena == null || arena.regions != regions || arena.regionBytes != regionBytes) {
            return null;
        }
        int n = starts.length;
        for (int r = 0; r < regions; r++) {
            for (int j = 0; j < n; j++) {
                GpuData input = inputs[r * n + j];
                if (input.arena != arena || input.offset != r * regionBytes + starts[j]) {
                    return null;
                }
            }
        }
        return arena;
    }

    /** Records the rule's kernel over {@code count} vec4 positions of every region. */
    private void dispatch(UpdateRule rule, BufferRange[] bindings, int count) {
        switch (rule.kind()) {
            case SGD:
                kernels.runElementwise("optimizer_sgd", () -> WgslSources.OPTIMIZER_SGD,
                        new int[] {count, bits(rule.learningRate())}, bindings, count);
                return;
            case SGD_MOMENTUM:
            case SGD_NESTEROV:
            case RMSPROP: {
                int kind = rule.kind() == UpdateRule.Kind.SGD_MOMENTUM ? 0
                        : rule.kind() == UpdateRule.Kind.SGD_NESTEROV ? 1 : 2;
                kernels.runElementwise("optimizer_velocity", () -> WgslSources.OPTIMIZER_VELOCITY,
                        new int[] {count, kind, bits(rule.learningRate()), bits(rule.momentum()), bits(rule.rho()),
                            bits(rule.epsilon())}, bindings, count);
                return;
            }
            case ADAM:
            case ADAMW:
                kernels.runElementwise("optimizer_adam", () -> WgslSources.OPTIMIZER_ADAM,
                        new int[] {count, bits(rule.beta1()), bits(rule.beta2()), bits(rule.epsilon()),
                            bits(rule.alpha()), bits(rule.decay())}, bindings, count);
                return;
            default:
                throw new IllegalArgumentException("no kernel for update rule " + rule.kind());
        }
    }

    private static int bits(float value) {
        return Float.floatToIntBits(value);
    }
}
