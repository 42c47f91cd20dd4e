package org.backprop.nn.examples;

import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.Shapes;
import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Activation;
import org.backprop.nn.layers.Add;
import org.backprop.nn.layers.BatchNormalization;
import org.backprop.nn.layers.Conv2D;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Dropout;
import org.backprop.nn.layers.Flatten;
import org.backprop.nn.layers.GlobalAveragePooling2D;
import org.backprop.nn.layers.MaxPooling2D;
import org.backprop.nn.layers.SeparableConv2D;
import org.backprop.nn.layers.preprocessing.RandomFlip;
import org.backprop.nn.layers.preprocessing.RandomRotation;
import org.backprop.nn.layers.preprocessing.RandomZoom;
import org.backprop.nn.models.Model;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.random.RandomGenerator;

/**
 * The benchmark models of issue "nn", BENCH-CNN and BENCH-MLP, and the random data they train on. The CPU
 * and WebGPU benchmarks and the WebGPU tests all build them from here, and {@code bench/tfjs-models.mjs}
 * builds the same layers for TensorFlow.js, so every figure measures the same models.
 */
public final class BenchModels {
    private BenchModels() {
    }

    /** Returns BENCH-CNN for square RGB images of {@code imageSize} pixels (32 in the benchmarks). */
    public static Sequential cnn(int imageSize) {
        return new Sequential(Input.shape(imageSize, imageSize, 3),
                new Conv2D(16, 3, "relu"), new MaxPooling2D(2),
                new Conv2D(32, 3, "relu"), new MaxPooling2D(2),
                new Flatten(), new Dense(64, "relu"), new Dense(10, "softmax"));
    }

    /**
     * Returns a network with the architecture elements the course's convnet homework (assignments/hw-convnets)
     * asks for, for square RGB images of {@code imageSize} pixels and 10 classes: augmentation, BatchNormalization,
     * ReLU, SeparableConv2D, residual 1 × 1 strided shortcuts, overlapping max pooling, global average pooling,
     * Dropout. Not one of issue "nn"'s benchmarks: it is there to profile the kernels a homework run spends its
     * time in ({@code bench/webgpu-step-profile.mjs --model=homework}).
     */
    public static Model homework(int imageSize) {
        Input inputs = Input.shape(imageSize, imageSize, 3);
        KerasTensor x = new RandomFlip("horizontal").apply(inputs);
        x = new RandomRotation(0.1).apply(x);
        x = new RandomZoom(0.2).apply(x);
        x = new Conv2D(16, 3).padding("same").useBias(false).apply(x);
        for (int size : new int[] {32, 64, 128}) {
            KerasTensor residual = x;
            for (int i = 0; i < 2; i++) {
                x = new BatchNormalization().apply(x);
                x = new Activation("relu").apply(x);
                x = new SeparableConv2D(size, 3).padding("same").useBias(false).apply(x);
            }
            x = new MaxPooling2D(3).strides(2).padding("same").apply(x);
            residual = new Conv2D(size, 1).strides(2).padding("same").useBias(false).apply(residual);
            x = new Add().apply(x, residual);
        }
        x = new GlobalAveragePooling2D().apply(x);
        x = new Dropout(0.5).apply(x);
        return new Model(inputs, new Dense(10, "softmax").apply(x));
    }

    /** Returns BENCH-MLP for flattened 28 × 28 images. */
    public static Sequential mlp() {
        return new Sequential(Input.shape(784),
                new Dense(256, "relu"), new Dense(256, "relu"), new Dense(10, "softmax"));
    }

    /** Returns values uniform in [0, 1) of {@code shape}, drawn from a generator seeded with {@code seed}. */
    public static Tensor uniform(long seed, int... shape) {
        RandomGenerator random = new RandomGenerator(seed);
        float[] values = new float[Shapes.size(shape)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        return Tensor.of(shape, values);
    }

    /** Returns {@code n} class labels in [0, {@code classes}) as floats, drawn from a generator seeded with {@code seed}. */
    public static Tensor labels(long seed, int n, int classes) {
        RandomGenerator random = new RandomGenerator(seed);
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextInt(classes);
        }
        return Tensor.of(values);
    }
}
