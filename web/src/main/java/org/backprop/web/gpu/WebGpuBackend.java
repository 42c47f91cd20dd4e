package org.backprop.web.gpu;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.backend.Backend;
import org.backprop.nn.backend.BinaryOp;
import org.backprop.nn.backend.ComposedAttention;
import org.backprop.nn.backend.ConvGeometry;
import org.backprop.nn.internal.DeviceData;
import org.backprop.nn.backend.Normalization;
import org.backprop.nn.backend.UnaryOp;
import org.backprop.nn.backend.UpdateRule;
import org.backprop.nn.backend.cpu.CpuBackend;
import org.backprop.nn.internal.TensorInternals;

/**
 * Runs {@code nn}'s primitive ops as WGSL compute kernels on tensors that stay in GPU memory. A training
 * step's kernels are recorded into one command buffer, submitted when the step ends; nothing waits for the
 * GPU until host code reads a tensor ({@code fit} reads losses and predictions once per epoch, or every
 * {@code progressEvery} steps). Each op family has its own class (ElementwiseOps, ProductOps, ConvolutionOps, …);
 * this class only routes the SPI to them.
 *
 * <p>Shapes past the kernels' limits (rank above 6, more matrices than a dispatch dimension allows) run on the
 * CPU backend: their inputs are read back and their results uploaded when the next kernel needs them. Attention
 * with rows the fused kernels do not take is composed from the backend's own products and softmax. Not
 * thread-safe.
 */
public final class WebGpuBackend implements Backend {
    private final GpuMemory memory;
    private final KernelRunner kernels;
    private final ConvolutionOps convolutions;
    private final CpuBackend cpu = new CpuBackend();
    private final ElementwiseOps elementwise;
    private final ImageOps images;
    private final NormalizationOps normalizations;
    private final ProductOps products;
    private final RandomOps random;
    private final Reductions reductions;
    private final ShapeOps shapes;
    private final SoftmaxOps softmax;
    private final AttentionOps attention;
    private final FusedUpdates updates;
    private final String adapterDescription;

    /** Returns a backend on {@code device} with the kernels that suit its adapter ({@link KernelTuning#forAdapter}). */
    public WebGpuBackend(GpuDevice device, String adapterDescription) {
        this(device, adapterDescription, KernelTuning.forAdapter(adapterDescription));
    }

    /** Returns a backend on {@code device} with the kernels of {@code tuning}, whatever the adapter (for tests). */
    public WebGpuBackend(GpuDevice device, String adapterDescription, KernelTuning tuning) {
        this.memory = new GpuMemory(device);
        this.kernels = new KernelRunner(device, memory);
        this.elementwise = new ElementwiseOps(memory, kernels, cpu);
        this.products = new ProductOps(memory, kernels, cpu, tuning);
        this.reductions = new Reductions(memory, kernels, cpu);
        this.shapes = new ShapeOps(memory, kernels, cpu);
        this.softmax = new SoftmaxOps(memory, kernels);
        this.normalizations = new NormalizationOps(memory, kernels);
        this.attention = new AttentionOps(memory, kernels, tuning);
        this.random = new RandomOps(memory, kernels);
        this.images = new ImageOps(memory, kernels);
        this.convolutions = new ConvolutionOps(memory, kernels);
        this.updates = new FusedUpdates(device, memory, kernels);
        this.adapterDescription = adapterDescription;
    }

    @Override
    public String name() {
        return "webgpu";
    }

    @Override
    public String device() {
        return adapterDescription;
    }

    /**
     * Returns counters for tests and benchmarks: live buffers and bytes, buffers and bind groups created, submits,
     * dispatches, copies, readbacks.
     */
    public GpuStats stats() {
        BufferPool pool = memory.pool();
        return new GpuStats(pool.liveBuffers(), pool.liveBytes(), pool.createdBuffers(), kernels.createdBindGroups(),
                memory.commands().submits(), kernels.dispatches(), memory.commands().copies(), memory.readbacks());
    }

    // ---- memory and steps

    @Override
    public void beginStep() {
        memory.beginStep();
    }

    @Override
    public void endStep() {
        memory.endStep();
    }

    @Override
    public void retain(Tensor tensor) {
        memory.retain(tensor);
    }

    @Override
    public void release(Tensor tensor) {
        memory.release(tensor);
    }

    @Override
    public void fetch(List<Tensor> tensors) {
        List<GpuData> pending = new ArrayList<>();
        for (Tensor tensor : tensors) {
            DeviceData data = TensorInternals.deviceData(tensor);
            if (!TensorInternals.isOnHost(tensor) && data instanceof GpuData && ((GpuData) data).fetched == null
                    && !pending.contains(data)) {
                pending.add((GpuData) data);
            }
        }
        if (pending.isEmpty()) {
            return;
        }
        List<float[]> values = memory.downloadAll(pending);
        for (int i = 0; i < pending.size(); i++) {
            pending.get(i).fetched = values.get(i);
        }
    }

    private Tensor output(int[] shape) {
        return GpuMemory.tensor(shape, memory.allocate(Shapes.size(shape)));
    }

    private GpuData on(Tensor tensor) {
        return memory.on(tensor);
    }

    private static GpuData data(Tensor deviceTensor) {
        return (GpuData) TensorInternals.deviceData(deviceTensor);
    }

    // ---- matrix products

    @Override
    public Tensor matmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB) {
        return products.matmul(a, transposeA, b, transposeB);
    }

    @Override
    public Tensor batchMatmul(Tensor a, boolean transposeA, Tensor b, boolean transposeB) {
        return products.batchMatmul(a, transposeA, b, transposeB);
    }

    @Override
    public Tensor dense(Tensor x, Tensor kernel, Tensor bias, UnaryOp activation, float parameter) {
        return products.dense(x, kernel, bias, activation, parameter);
    }

    // ---- element-wise

    @Override
    public Tensor binary(BinaryOp op, Tensor a, Tensor b) {
        return elementwise.binary(op, a, b);
    }

    @Override
    public Tensor unary(UnaryOp op, Tensor x, float parameter) {
        return elementwise.unary(op, x, parameter);
    }

    @Override
    public Tensor unaryBackward(UnaryOp op, Tensor x, Tensor y, Tensor dy, float parameter) {
        return elementwise.unaryBackward(op, x, y, dy, parameter);
    }

    @Override
    public Tensor dropoutMask(long state, int[] shape, float rate) {
        return random.dropoutMask(state, shape, rate);
    }

    @Override
    public Tensor transformImages(Tensor x, double[] transforms) {
        return images.transformImages(x, transforms);
    }

    @Override
    public Tensor reduceToShape(Tensor x, int[] shape) {
        return reductions.reduceToShape(x, shape);
    }

    @Override
    public Tensor broadcastTo(Tensor x, int[] shape) {
        return elementwise.broadcastTo(x, shape);
    }

    // ---- optimizers

    @Override
    public List<Tensor[]> applyUpdates(UpdateRule rule, List<Tensor> weights, List<Tensor> gradients,
            List<Tensor[]> slots) {
        return updates.applyUpdates(rule, weights, gradients, slots);
    }

    // ---- shapes, softmax, embeddings

    @Override
    public Tensor gather(Tensor table, Tensor indices) {
        return shapes.gather(table, indices);
    }

    @Override
    public Tensor scatterAddRows(Tensor updates, Tensor indices, int rows) {
        return shapes.scatterAddRows(updates, indices, rows);
    }

    @Override
    public Tensor transpose(Tensor x, int[] permutation) {
        return shapes.transpose(x, permutation);
    }

    @Override
    public Tensor softmax(Tensor x) {
        return softmax.softmax(x);
    }

    @Override
    public Tensor logSoftmax(Tensor x) {
        return softmax.logSoftmax(x);
    }

    @Override
    public Tensor[] attention(Tensor q, Tensor k, Tensor v) {
        return attention.fits(q, v) ? attention.attention(q, k, v) : ComposedAttention.forward(this, q, k, v);
    }

    @Override
    public Tensor[] attentionBackward(Tensor q, Tensor k, Tensor v, Tensor output, Tensor logSumExp,
            Tensor dOutput) {
        return attention.fits(q, v) ? attention.attentionBackward(q, k, v, output, logSumExp, dOutput)
                : ComposedAttention.backward(this, q, k, v, dOutput);
    }

    @Override
    public Tensor softmaxCrossEntropy(Tensor logits, Tensor targets) {
        return softmax.softmaxCrossEntropy(logits, targets);
    }

    @Override
    public Tensor softmaxCrossEntropyBackward(Tensor logits, Tensor targets, Tensor dLoss) {
        return softmax.softmaxCrossEntropyBackward(logits, targets, dLoss);
    }

    // ---- batch and layer normalisation: NormalizationOps

    @Override
    public Tensor[] normalize(Normalization kind, Tensor x, Tensor gamma, Tensor beta, float epsilon) {
        return normalizations.normalize(kind, x, gamma, beta, epsilon);
    }

    @Override
    public Tensor[] normalizeBackward(Normalization kind, Tensor x, Tensor mean, Tensor variance, Tensor gamma,
            Tensor dy, float epsilon) {
        return normalizations.normalizeBackward(kind, x, mean, variance, gamma, dy, epsilon);
    }

    @Override
    public Tensor normalizeWith(Tensor x, Tensor mean, Tensor variance, Tensor gamma, Tensor beta, float epsilon) {
        return normalizations.normalizeWith(x, mean, variance, gamma, beta, epsilon);
    }

    @Override
    public Tensor concatenate(List<Tensor> parts, int axis) {
        return shapes.concatenate(parts, axis);
    }

    @Override
    public Tensor slice(Tensor x, int axis, int start, int length) {
        return shapes.slice(x, axis, start, length);
    }

    // ---- sliding windows: ConvolutionOps

    @Override
    public Tensor conv2d(Tensor x, Tensor kernel, ConvGeometry geometry) {
        return convolutions.conv2d(x, kernel, null, null, 0f, geometry);
    }

    @Override
    public Tensor conv2dBiasActivation(Tensor x, Tensor kernel, Tensor bias, UnaryOp activation, float parameter,
            ConvGeometry geometry) {
        return convolutions.conv2d(x, kernel, bias, activation, parameter, geometry);
    }

    @Override
    public Tensor conv2dBackwardInput(Tensor dy, Tensor kernel, int[] inputShape, ConvGeometry geometry) {
        return convolutions.conv2dBackwardInput(dy, kernel, inputShape, geometry);
    }

    @Override
    public Tensor conv2dBackwardKernel(Tensor x, Tensor dy, int[] kernelShape, ConvGeometry geometry) {
        return convolutions.conv2dBackwardKernel(x, dy, kernelShape, geometry);
    }

    @Override
    public Tensor depthwiseConv2d(Tensor x, Tensor kernel, ConvGeometry geometry) {
        return convolutions.depthwiseConv2d(x, kernel, geometry);
    }

    @Override
    public Tensor depthwiseConv2dBackwardInput(Tensor dy, Tensor kernel, int[] inputShape, ConvGeometry geometry) {
        return convolutions.depthwiseConv2dBackwardInput(dy, kernel, inputShape, geometry);
    }

    @Override
    public Tensor depthwiseConv2dBackwardKernel(Tensor x, Tensor dy, int[] kernelShape, ConvGeometry geometry) {
        return convolutions.depthwiseConv2dBackwardKernel(x, dy, kernelShape, geometry);
    }

    @Override
    public Tensor maxPool2d(Tensor x, ConvGeometry geometry) {
        return convolutions.pool2d(x, geometry, true);
    }

    @Override
    public Tensor maxPool2dBackward(Tensor x, Tensor dy, ConvGeometry geometry) {
        return convolutions.maxPool2dBackward(x, dy, geometry);
    }

    @Override
    public Tensor averagePool2d(Tensor x, ConvGeometry geometry) {
        return convolutions.pool2d(x, geometry, false);
    }

    @Override
    public Tensor averagePool2dBackward(Tensor dy, int[] inputShape, ConvGeometry geometry) {
        return convolutions.averagePool2dBackward(dy, inputShape, geometry);
    }
}
