package org.backprop.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.backprop.nn.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class LabelsTest {

    @Test
    void turnsIndicesIntoOneHotRows() {
        Tensor oneHot = Labels.toOneHot(Tensor.of(new float[] {2, 0, 1}), 4);
        assertArrayEquals(new int[] {3, 4}, oneHot.shape());
        assertArrayEquals(new float[] {0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0}, oneHot.toArray());
    }

    @Test
    void infersTheNumberOfClassesFromTheLargestIndexAsKeras() {
        Tensor oneHot = Labels.toOneHot(Tensor.of(new int[] {2, 1}, new float[] {1, 2}));
        assertArrayEquals(new int[] {2, 3}, oneHot.shape());
        assertArrayEquals(new float[] {0, 1, 0, 0, 0, 1}, oneHot.toArray());
    }

    @Test
    void turnsOneHotRowsBackIntoIndices() {
        Tensor indices = Tensor.of(new float[] {3, 0, 2, 1, 1});
        assertEquals(indices, Labels.toIndices(Labels.toOneHot(indices, 5)));
    }

    @Test
    void badLabelsNameTheArgumentAndValue() {
        assertMessage("labels[1] is 4.0, which is not a class index in [0, 4)",
                () -> Labels.toOneHot(Tensor.of(new float[] {0, 4}), 4));
        assertMessage("labels[0] is 1.5, which is not a class index in [0, 4)",
                () -> Labels.toOneHot(Tensor.of(new float[] {1.5f}), 4));
        assertMessage("labels[1] is -1.0, which is not a class index (a whole number from 0)",
                () -> Labels.toOneHot(Tensor.of(new float[] {0, -1})));
        assertMessage("numClasses must be positive, got 0", () -> Labels.toOneHot(Tensor.of(new float[] {0}), 0));
        assertMessage("labels must be class indices of shape (n,) or (n, 1), got (2, 3)",
                () -> Labels.toOneHot(Tensor.zeros(2, 3), 3));
        assertMessage("oneHot row 1 is not one-hot (exactly one 1, the rest 0): [0.5, 0.5, 0.0]",
                () -> Labels.toIndices(Tensor.of(new float[][] {{0, 1, 0}, {0.5f, 0.5f, 0}})));
        assertMessage("oneHot row 0 is not one-hot (exactly one 1, the rest 0): [1.0, 1.0]",
                () -> Labels.toIndices(Tensor.of(new float[][] {{1, 1}})));
        assertMessage("oneHot must have shape (n, classes), got (3,)", () -> Labels.toIndices(Tensor.zeros(3)));
    }

    private static void assertMessage(String expected, Executable call) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
