package org.backprop.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void roundsHalfAwayFromZeroAndPadsDecimals() {
        assertEquals("5.3000", Numbers.format(5.2999997f, 4));
        assertEquals("0.567", Numbers.format(0.56666666, 3));
        assertEquals("-1.25", Numbers.format(-1.245, 2));
        assertEquals("0.05", Numbers.format(0.05, 2));
        assertEquals("3", Numbers.format(2.5, 0));
    }

    @Test
    void doesNotPrintNegativeZero() {
        assertEquals("0.00", Numbers.format(-0.001, 2));
    }

    @Test
    void namesNonFiniteValues() {
        assertEquals("NaN", Numbers.format(Double.NaN, 2));
        assertEquals("-Infinity", Numbers.format(Double.NEGATIVE_INFINITY, 2));
    }

    @Test
    void rejectsDecimalsOutOfRange() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Numbers.format(1, 12));
        assertEquals("decimals must be between 0 and 9, got 12", error.getMessage());
    }
}
