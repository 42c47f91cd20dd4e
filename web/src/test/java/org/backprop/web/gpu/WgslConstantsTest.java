package org.backprop.web.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Pipeline constants are set in the kernel's source, and a constant the kernel lacks is an error, not a no-op. */
class WgslConstantsTest {
    private static final String KERNEL = "const OP: u32 = 0u;\nconst UNIT_STRIDE: bool = false;\nfn main() {}\n";

    @Test
    void setsUnsignedAndBooleanConstants() {
        assertEquals("const OP: u32 = 3u;\nconst UNIT_STRIDE: bool = true;\nfn main() {}\n",
                WgslConstants.with(WgslConstants.with(KERNEL, "OP", 3), "UNIT_STRIDE", true));
    }

    @Test
    void refusesAConstantTheKernelDoesNotDeclare() {
        assertEquals("the kernel declares no constant MODE",
                assertThrows(IllegalArgumentException.class, () -> WgslConstants.with(KERNEL, "MODE", 1)).getMessage());
    }
}
