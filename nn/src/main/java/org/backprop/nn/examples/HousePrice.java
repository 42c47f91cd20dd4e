package org.backprop.nn.examples;

import org.backprop.nn.Numbers;
import org.backprop.nn.Tensor;
import org.backprop.nn.layers.Dense;
import org.backprop.nn.losses.MeanAbsoluteError;

/**
 * The house-price example of the first lecture: one neuron whose weights are set by hand. Inputs are
 * (area in pyeong, rooms, km to the subway), the price is in units of 100M KRW. Prints the slide's
 * predictions (5.3, 6.2, 6.8) and mean absolute errors (1.0, 0.567, 1.767).
 */
public final class HousePrice {
    private HousePrice() {
    }

    public static void main(String[] args) {
        Tensor houses = Tensor.of(new float[][] {{32, 3, 0.3f}, {33, 3, 0.5f}, {36, 4, 0.5f}});
        Tensor prices = Tensor.of(new float[][] {{6}, {7}, {8.5f}});

        Dense neuron = new Dense(1);
        neuron.build(3);
        neuron.setWeights(Tensor.of(new float[][] {{0.1f}, {0.3f}, {4}}), Tensor.of(new float[] {0}));
        System.out.println("predictions without bias: " + neuron.apply(houses));

        float[][] weightSets = {{0.1f, 0.3f, 3}, {0.1f, 0.3f, 4}, {0.1f, 0.2f, 2}};
        for (float[] w : weightSets) {
            neuron.setWeights(Tensor.of(new float[][] {{w[0]}, {w[1]}, {w[2]}}), Tensor.of(new float[] {0.5f}));
            Tensor mae = new MeanAbsoluteError().call(prices, neuron.apply(houses));
            System.out.println("w = " + Tensor.of(w) + ", bias 0.5: MAE " + Numbers.format(mae.item(), 3));
        }
    }
}
