package org.backprop.nn.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.backprop.nn.layers.LayerNames;
import org.backprop.nn.models.Model;
import org.junit.jupiter.api.Test;

class MiniXceptionTest {

    /**
     * Keras's formulas, written out: Conv2D k·k·in·out (+ out with bias), SeparableConv2D without bias
     * k·k·in + in·out, BatchNormalization 4·channels (2·channels trainable), Dense in·out + out.
     */
    @Test
    void hasTheParameterCountKerasReports() {
        long total = 5 * 5 * 3 * 32;
        long nonTrainable = 0;
        int in = 32;
        for (int size : new int[] {32, 64, 128, 256, 512}) {
            total += 4 * in + (3 * 3 * in + in * size);
            total += 4 * size + (3 * 3 * size + size * size);
            total += in * size;
            nonTrainable += 2 * in + 2 * size;
            in = size;
        }
        total += 512 + 1;

        LayerNames.reset();
        Model model = MiniXception.build();
        assertEquals(total, model.countParams());
        assertEquals(721_857, total);
        String summary = model.summaryText();
        assertTrue(summary.contains(" Total params: 721,857 (2.75 MB)\n"), summary);
        assertEquals(3_008, nonTrainable);
        assertTrue(summary.contains(" Non-trainable params: 3,008 (11.75 KB)\n"), summary);
        assertTrue(summary.lines().anyMatch(line -> line.startsWith("│ dense (Dense) ")
                && line.contains("│ (None, 1) ") && line.contains(" 513 │ dropout[0][0] ")), summary);
        assertTrue(summary.lines().anyMatch(line -> line.startsWith("│ add (Add) ")
                && line.contains("│ max_pooling2d[0][0], conv2d_1[0][0] ")), summary);
        assertTrue(summary.contains("│ input_layer (InputLayer) "), summary);
    }
}
