package org.backprop.nn.examples;

import org.backprop.nn.Input;
import org.backprop.nn.Numbers;
import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.losses.BinaryCrossentropy;
import org.backprop.nn.models.FitOptions;
import org.backprop.nn.models.Sequential;
import org.backprop.nn.optim.SGD;
import org.backprop.nn.random.RandomSeed;

/**
 * XOR, the problem no single line separates (lecture 3): a hidden layer with a non-linear activation
 * learns it. Prints the four predictions and the accuracy.
 */
public final class Xor {
    private Xor() {
    }

    public static void main(String[] args) {
        RandomSeed.set(42);
        Tensor inputs = Tensor.of(new float[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}});
        Tensor targets = Tensor.of(new float[][] {{0}, {1}, {1}, {0}});

        Sequential model = new Sequential(Input.shape(2), new Dense(8, "tanh"), new Dense(1, "sigmoid"));
        model.compile(new SGD(0.5, 0.9, false), new BinaryCrossentropy(false), "accuracy");
        model.fit(inputs, targets, FitOptions.epochs(300).batchSize(4).verbose(0));

        Tensor predictions = model.predict(inputs);
        for (int i = 0; i < 4; i++) {
            System.out.println("(" + (int) inputs.get(2 * i) + ", " + (int) inputs.get(2 * i + 1) + ") -> "
                    + Numbers.format(predictions.get(i), 3));
        }
        System.out.println("accuracy: " + Numbers.format(model.evaluate(inputs, targets).get("accuracy"), 4));
    }
}
