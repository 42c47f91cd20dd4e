package org.backprop.nn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AssertionsTest {

    private static String failure(Assertions.Executable code) {
        return assertThrows(AssertionFailedError.class, code::execute).getMessage();
    }

    @Test
    void passingAssertionsThrowNothing() throws Throwable {
        Assertions.assertTrue(true, "true");
        Assertions.assertFalse(false, "false");
        Assertions.assertEquals(10, 10, "classes");
        Assertions.assertEquals(3L, 3L, "parameters");
        Assertions.assertEquals("relu", "relu", "activation");
        Assertions.assertEquals((Object) null, null, "nothing");
        Assertions.assertClose(0.5, 0.5004, 1e-3, "loss");
        Assertions.assertClose(new float[] {1f, 2f}, new float[] {1f, 2.00001f}, 1e-4, "predictions");
        IllegalStateException thrown = Assertions.assertThrows(IllegalStateException.class,
                () -> { throw new IllegalStateException("built twice"); }, "a second build");
        assertEquals("built twice", thrown.getMessage());
    }

    @Test
    void failuresSayWhatWasExpectedAndWhatCame() {
        assertEquals("classes the model predicts: expected 10, got 2",
                failure(() -> Assertions.assertEquals(10, 2, "classes the model predicts")));
        assertEquals("name: expected \"a\", got \"b\"", failure(() -> Assertions.assertEquals("a", "b", "name")));
        assertEquals("the model builds", failure(() -> Assertions.assertTrue(false, "the model builds")));
        assertEquals("loss: expected 0.5 (within 0.001), got NaN",
                failure(() -> Assertions.assertClose(0.5, Double.NaN, 1e-3, "loss")));
        assertEquals("predictions: at index 1: expected 2.0 (within 1.0E-4), got 2.5", failure(
                () -> Assertions.assertClose(new float[] {1f, 2f}, new float[] {1f, 2.5f}, 1e-4, "predictions")));
        assertEquals("predictions: expected 2 values, got 3 values", failure(
                () -> Assertions.assertClose(new float[] {1f, 2f}, new float[] {1f, 2f, 3f}, 1e-4, "predictions")));
        assertEquals("a bad shape: expected an exception java.lang.IllegalArgumentException, got none",
                failure(() -> Assertions.assertThrows(IllegalArgumentException.class, () -> { }, "a bad shape")));
        assertEquals("not built", failure(() -> Assertions.fail("not built")));
    }
}
