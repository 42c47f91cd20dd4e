package org.backprop.nn.examples;

import org.backprop.nn.Input;
import org.backprop.nn.KerasTensor;
import org.backprop.nn.layers.Activation;
import org.backprop.nn.layers.Add;
import org.backprop.nn.layers.BatchNormalization;
import org.backprop.nn.layers.Conv2D;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.layers.Dropout;
import org.backprop.nn.layers.GlobalAveragePooling2D;
import org.backprop.nn.layers.MaxPooling2D;
import org.backprop.nn.layers.SeparableConv2D;
import org.backprop.nn.layers.preprocessing.RandomFlip;
import org.backprop.nn.layers.preprocessing.RandomRotation;
import org.backprop.nn.layers.preprocessing.RandomZoom;
import org.backprop.nn.layers.preprocessing.Rescaling;
import org.backprop.nn.models.Model;

/**
 * The book's "mini Xception" (section 9.3) for 180×180 RGB binary classification: augmentation,
 * rescaling, then blocks of [BatchNormalization, ReLU, SeparableConv2D] × 2 with max pooling and a 1×1
 * strided residual, global average pooling, dropout, one sigmoid unit. Prints its summary.
 */
public final class MiniXception {
    private MiniXception() {
    }

    /** Returns the model, line for line as the book builds it in Keras. */
    public static Model build() {
        Input inputs = Input.shape(180, 180, 3);
        KerasTensor x = new RandomFlip("horizontal").apply(inputs);
        x = new RandomRotation(0.1).apply(x);
        x = new RandomZoom(0.2).apply(x);
        x = new Rescaling(1.0 / 255).apply(x);
        x = new Conv2D(32, 5).useBias(false).apply(x);
        for (int size : new int[] {32, 64, 128, 256, 512}) {
            KerasTensor residual = x;
            x = new BatchNormalization().apply(x);
            x = new Activation("relu").apply(x);
            x = new SeparableConv2D(size, 3).padding("same").useBias(false).apply(x);
            x = new BatchNormalization().apply(x);
            x = new Activation("relu").apply(x);
            x = new SeparableConv2D(size, 3).padding("same").useBias(false).apply(x);
            x = new MaxPooling2D(3).strides(2).padding("same").apply(x);
            residual = new Conv2D(size, 1).strides(2).padding("same").useBias(false).apply(residual);
            x = new Add().apply(x, residual);
        }
        x = new GlobalAveragePooling2D().apply(x);
        x = new Dropout(0.5).apply(x);
        KerasTensor outputs = new Dense(1, "sigmoid").apply(x);
        return new Model(inputs, outputs);
    }

    public static void main(String[] args) {
        build().summary();
    }
}
