package org.backprop.web.gpu;

import org.backprop.nn.Tensor;
import org.backprop.nn.internal.TensorInternals;

/**
 * Augmentation's image resampling on the GPU ({@code transform_images.wgsl}), so that an augmentation layer
 * after other layers does not read their output back to the host mid-step. The transforms are computed in
 * double on the host and sampled in float here: positions differ by float rounding, values by as little, since
 * bilinear sampling is continuous in the position.
 */
final class ImageOps {
    private final GpuMemory memory;
    private final KernelRunner kernels;

    ImageOps(GpuMemory memory, KernelRunner kernels) {
        this.memory = memory;
        this.kernels = kernels;
    }

    /** See {@link org.backprop.nn.backend.Backend#transformImages}. */
    Tensor transformImages(Tensor images, double[] transforms) {
        Tensor out = GpuMemory.tensor(images.shape(), memory.allocate(images.size()));
        if (images.size() == 0) {
            return out;
        }
        float[] values = new float[transforms.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) transforms[i];
        }
        GpuData matrices = memory.on(TensorInternals.wrap(new int[] {values.length}, values));
        kernels.runElementwise("transform_images", () -> WgslSources.TRANSFORM_IMAGES,
                new int[] {images.size(), images.dim(1), images.dim(2), images.dim(3)},
                new GpuData[] {memory.on(images), matrices, (GpuData) TensorInternals.deviceData(out)}, images.size());
        // Only the dispatch just recorded reads them; the pool hands them out again after that is submitted.
        memory.free(matrices);
        return out;
    }
}
