package org.backprop.web.gpu.parity;

import java.util.ArrayList;
import java.util.List;
import org.backprop.nn.Tensor;
import org.backprop.nn.autograd.Gradients;
import org.backprop.nn.backend.Backend;
import org.backprop.nn.backend.cpu.CpuBackend;
import org.backprop.nn.internal.BackendInternals;
import org.backprop.nn.ops.Ops;
import org.backprop.nn.random.RandomGenerator;
import org.backprop.web.gpu.WebGpu;
import org.backprop.web.gpu.KernelTuning;
import org.backprop.web.gpu.WebGpuBackend;

/**
 * Runs every {@link ParityCases} case, the matrix products again with the other {@link KernelTuning}'s kernels,
 * then every {@link OptimizerParity} case, on the CPU backend and on the WebGPU backend and prints one JSON line per case with the largest differences; {@code GpuParityTest}
 * compiles it with TeaVM and runs it in Node + Dawn and in Chromium. The last line is {@code {"done": n}}.
 */
public final class ParityProgram {
    private ParityProgram() {
    }

    public static void main(String[] args) {
        WebGpu.Opened opened = WebGpu.open();
        if (opened.device() == null) {
            System.out.println("{\"unavailable\": \"" + opened.unavailableReason() + "\"}");
            return;
        }
        Backend cpu = new CpuBackend();
        WebGpuBackend gpu = new WebGpuBackend(opened.device(), opened.adapterDescription());
        List<ParityCase> cases = ParityCases.all();
        for (int i = 0; i < cases.size(); i++) {
            compare(cases.get(i), "", i, cpu, gpu);
        }
        // The matrix products again with the kernels of the other tuning (shared-memory tiles on SwiftShader,
        // where the adapter's own choice is register blocks), so that both kernels are tested on any machine.
        KernelTuning other = KernelTuning.forAdapter(opened.adapterDescription()) == KernelTuning.SOFTWARE
                ? KernelTuning.HARDWARE : KernelTuning.SOFTWARE;
        WebGpuBackend otherGpu = new WebGpuBackend(opened.device(), opened.adapterDescription(), other);
        List<ParityCase> products = ParityCases.products();
        for (int i = 0; i < products.size(); i++) {
            compare(products.get(i), other.name().toLowerCase() + " kernels: ", i, cpu, otherGpu);
        }
        List<String> optimizers = OptimizerParity.names();
        for (int i = 0; i < optimizers.size(); i++) {
            try {
                System.out.println(OptimizerParity.run(optimizers.get(i), i, cpu, gpu));
            } catch (RuntimeException failure) {
                System.out.println("{\"case\": \"optimizer " + optimizers.get(i) + "\", \"ok\": false, \"error\": \""
                        + escape(failure.getMessage()) + "\"}");
            }
        }
        BackendInternals.use(cpu);
        // The dispatch count shows that the GPU, not a CPU fallback, computed the GPU side.
        System.out.println("{\"done\": " + (cases.size() + products.size() + optimizers.size()) + ", \"dispatches\": "
                + (gpu.stats().dispatches() + otherGpu.stats().dispatches()) + "}");
    }

    /** Evaluates one case on both backends and prints its line, {@code prefix} before its name. */
    private static void compare(ParityCase parityCase, String prefix, int index, Backend cpu, Backend gpu) {
        String name = prefix + parityCase.name;
        try {
            Result onCpu = evaluate(parityCase, cpu, index);
            Result onGpu = evaluate(parityCase, gpu, index);
            float forward = difference(onCpu.value, onGpu.value);
            float backward = 0;
            for (int g = 0; g < onCpu.gradients.size(); g++) {
                backward = Math.max(backward, difference(onCpu.gradients.get(g), onGpu.gradients.get(g)));
            }
            boolean ok = forward <= parityCase.tolerance && backward <= parityCase.tolerance;
            System.out.println("{\"case\": \"" + name + "\", \"forward\": " + forward + ", \"backward\": "
                    + backward + ", \"tolerance\": " + parityCase.tolerance + ", \"ok\": " + ok + "}");
        } catch (RuntimeException failure) {
            System.out.println("{\"case\": \"" + name + "\", \"ok\": false, \"error\": \""
                    + escape(failure.getMessage()) + "\"}");
        }
    }

    /** A case's value and input gradients on one backend, copied to the host. */
    private static final class Result {
        final float[] value;
        final List<float[]> gradients = new ArrayList<>();

        Result(float[] value) {
            this.value = value;
        }
    }

    private static Result evaluate(ParityCase parityCase, Backend backend, int index) {
        BackendInternals.use(backend);
        // The same seed on both backends: the same inputs and the same weighting of the outputs.
        RandomGenerator random = new RandomGenerator(1000 + index);
        Tensor[] inputs = parityCase.inputs.make(random);
        List<Tensor> leaves = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            if (parityCase.differentiable[i]) {
                inputs[i] = inputs[i].asVariable();
                leaves.add(inputs[i]);
            }
        }
        backend.beginStep();
        try {
            Tensor value = parityCase.expression.apply(inputs);
            // Weighting the outputs with random values makes every output's gradient different.
            Tensor weights = ParityCase.uniform(random, value.shape());
            Tensor loss = Ops.sumAll(Ops.multiply(value, weights));
            Result result = new Result(value.toArray());
            for (Tensor gradient : Gradients.of(loss, leaves)) {
                result.gradients.add(gradient.toArray());
            }
            return result;
        } finally {
            backend.endStep();
        }
    }

    private static String escape(String message) {
        return String.valueOf(message).replace("\\", "\\\\").replace("\"", "'").replace("\n", " ");
    }

    /** Returns {@code max |actual − expected| / (1 + |expected|)}, infinite for NaN or a length mismatch. */
    static float difference(float[] expected, float[] actual) {
        if (expected.length != actual.length) {
            return Float.POSITIVE_INFINITY;
        }
        float worst = 0;
        for (int i = 0; i < expected.length; i++) {
            float error = Math.abs(actual[i] - expected[i]) / (1 + Math.abs(expected[i]));
            if (!(error <= worst)) {
                worst = Float.isNaN(error) ? Float.POSITIVE_INFINITY : error;
            }
        }
        return worst;
    }
}
