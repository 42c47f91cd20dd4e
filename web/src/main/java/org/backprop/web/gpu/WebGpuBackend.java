package org.backprop.web.gpu;

import org.backprop.nn.Tensor;
import org.backprop.nn.backend.cpu.CpuBackend;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Uint32Array;

/**
 * Runs {@code nn}'s primitive ops as WGSL compute kernels.
 *
 * <p>So far only the plain matrix product runs on the GPU; every other op, and the transposed products,
 * are inherited from the CPU backend. Operands are uploaded and the result read back for every op,
 * because nn's tensors still live in host memory.
 */
public final class WebGpuBackend extends CpuBackend {
    private static final int TILE = 16;

    private final GpuDevice device;
    private final KernelCache kernels;

    public WebGpuBackend(GpuDevice device) {
        this.device = device;
        this.kernels = new KernelCache(device);
    }

    @Override
    public String name() {
        return "webgpu";
    }

    @Override
    public Tensor matmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB) {
        if (transposeA || transposeB) {
            return super.matmul(a, transposeA, b, transposeB);
        }
        int rows = a.dim(0);
        int inner = a.dim(1);
        int cols = b.dim(1);
        Uint32Array dims = new Uint32Array(4);
        dims.set(0, rows);
        dims.set(1, inner);
        dims.set(2, cols);
        dims.set(3, 0);

        GpuBuffer dimsBuffer = upload(dims.getByteLength(), Descriptors.UNIFORM, dims);
        GpuBuffer inputBuffer = upload(a);
        GpuBuffer kernelBuffer = upload(b);
        GpuBuffer biasBuffer = upload(Tensor.zeros(cols));
        int outputBytes = Math.max(4, rows * cols * 4);
        GpuBuffer outputBuffer = device.createBuffer(
                Descriptors.buffer(outputBytes, Descriptors.STORAGE | Descriptors.COPY_SRC));
        GpuBuffer readback = device.createBuffer(
                Descriptors.buffer(outputBytes, Descriptors.MAP_READ | Descriptors.COPY_DST));

        GpuComputePipeline pipeline = kernels.pipeline("dense", WgslSources.DENSE);
        JSArray<GpuBuffer> bindings = JSArray.of(dimsBuffer, inputBuffer, kernelBuffer, biasBuffer, outputBuffer);
        GpuBindGroup bindGroup = device.createBindGroup(
                Descriptors.bindGroup(pipeline.getBindGroupLayout(0), bindings));

        GpuCommandEncoder encoder = device.createCommandEncoder();
        GpuComputePassEncoder pass = encoder.beginComputePass();
        pass.setPipeline(pipeline);
        pass.setBindGroup(0, bindGroup);
        pass.dispatchWorkgroups(ceilDiv(cols, TILE), ceilDiv(rows, TILE), 1);
        pass.end();
        encoder.copyBufferToBuffer(outputBuffer, 0, readback, 0, outputBytes);
        device.getQueue().submit(JSArray.of(encoder.finish()));

        readback.mapAsync(Descriptors.MAP_MODE_READ).await();
        float[] values = toJavaArray(Float32Array.create(readback.getMappedRange(), 0, rows * cols));
        readback.unmap();
        for (int i = 0; i < bindings.getLength(); i++) {
            bindings.get(i).destroy();
        }
        readback.destroy();
        return Tensor.of(new int[] {rows, cols}, values);
    }

    private GpuBuffer upload(Tensor tensor) {
        Float32Array data = Float32Array.fromJavaArray(tensor.toArray());
        return upload(data.getByteLength(), Descriptors.STORAGE, data);
    }

    private GpuBuffer upload(int byteLength, int usage, org.teavm.jso.typedarrays.ArrayBufferView data) {
        // WebGPU rejects zero-sized bindings, so an empty tensor still gets one word.
        GpuBuffer buffer = device.createBuffer(Descriptors.buffer(Math.max(4, byteLength), usage | Descriptors.COPY_DST));
        device.getQueue().writeBuffer(buffer, 0, data);
        return buffer;
    }

    // Float32Array.copyToJavaArray returns an empty array for views over a mapped GPU buffer in TeaVM 0.15.
    private static float[] toJavaArray(Float32Array view) {
        float[] values = new float[view.getLength()];
        for (int i = 0; i < values.length; i++) {
            values[i] = view.get(i);
        }
        return values;
    }

    private static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }
}
