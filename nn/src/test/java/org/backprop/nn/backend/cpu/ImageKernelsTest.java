package org.backprop.nn.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ImageKernelsTest {

    @Test
    void reflectsPositionsOutsideTheImage() {
        // Keras's "reflect": (d c b a | a b c d | d c b a).
        assertEquals(0.0, ImageKernels.reflect(-1, 4), 1e-9);
        assertEquals(1.0, ImageKernels.reflect(-2, 4), 1e-9);
        assertEquals(3.0, ImageKernels.reflect(4, 4), 1e-9);
        assertEquals(2.0, ImageKernels.reflect(5, 4), 1e-9);
        assertEquals(1.5, ImageKernels.reflect(1.5, 4), 1e-9);
    }
}
