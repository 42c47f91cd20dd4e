package org.backprop.nn.testing;

/**
 * The checks a hidden test makes, in JUnit 5's order (expected, actual, then the message), each failing with an
 * {@link AssertionFailedError} whose message starts with the test's own {@code message} (what the test checks, in
 * the student's terms) and then says what was expected and what was found:
 * {@code assertEquals(10, classes, "classes the model predicts")} fails with "classes the model predicts: expected
 * 10, got 2". Works on the JVM and under TeaVM; stateless.
 */
public final class Assertions {
    private Assertions() {
    }

    /** Fails with {@code message}; declared to return the error so that a test can write {@code throw fail(...)}. */
    public static AssertionFailedError fail(String message) {
        throw new AssertionFailedError(message);
    }

    /** Fails with {@code message} unless {@code condition} holds. */
    public static void assertTrue(boolean condition, String message) {
        if (!condition) {
            throw new AssertionFailedError(message);
        }
    }

    /** Fails with {@code message} when {@code condition} holds. */
    public static void assertFalse(boolean condition, String message) {
        if (condition) {
            throw new AssertionFailedError(message);
        }
    }

    /** Fails with {@code message} when {@code value} is null. */
    public static void assertNotNull(Object value, String message) {
        if (value == null) {
            throw new AssertionFailedError(message);
        }
    }

    /** Fails unless {@code actual} equals {@code expected}. */
    public static void assertEquals(int expected, int actual, String message) {
        if (expected != actual) {
            throw mismatch(message, Integer.toString(expected), Integer.toString(actual));
        }
    }

    /** Fails unless {@code actual} equals {@code expected}. */
    public static void assertEquals(long expected, long actual, String message) {
        if (expected != actual) {
            throw mismatch(message, Long.toString(expected), Long.toString(actual));
        }
    }

    /** Fails unless {@code actual} equals {@code expected}. */
    public static void assertEquals(String expected, String actual, String message) {
        assertEquals((Object) expected, (Object) actual, message);
    }

    /** Fails unless {@code actual} equals {@code expected} ({@link Object#equals}; two nulls are equal). */
    public static void assertEquals(Object expected, Object actual, String message) {
        boolean equal = expected == null ? actual == null : expected.equals(actual);
        if (!equal) {
            throw mismatch(message, describe(expected), describe(actual));
        }
    }

    /** Fails unless {@code actual} is within {@code tolerance} of {@code expected}; NaN is never close. */
    public static void assertClose(double expected, double actual, double tolerance, String message) {
        checkTolerance(tolerance);
        if (!(Math.abs(expected - actual) <= tolerance)) {
            throw mismatch(message, expected + " (within " + tolerance + ")", Double.toString(actual));
        }
    }

    /**
     * Fails unless {@code actual} has the length of {@code expected} and each element is within {@code tolerance}
     * of the one at the same index; names the first index that is not. NaN is never close.
     */
    public static void assertClose(float[] expected, float[] actual, double tolerance, String message) {
        checkTolerance(tolerance);
        if (expected == null || actual == null) {
            if (expected != actual) {
                throw mismatch(message, expected == null ? "null" : "an array", actual == null ? "null" : "an array");
            }
            return;
        }
        if (expected.length != actual.length) {
            throw mismatch(message, expected.length + " values", actual.length + " values");
        }
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs((double) expected[i] - actual[i]) <= tolerance)) {
                throw mismatch(join(message, "at index " + i), expected[i] + " (within " + tolerance + ")",
                        Float.toString(actual[i]));
            }
        }
    }

    /** Code that is expected to throw, for {@link #assertThrows}. */
    @FunctionalInterface
    public interface Executable {
        void execute() throws Throwable;
    }

    /**
     * Fails unless {@code code} throws an instance of {@code expected} (or of a subclass); returns what it threw, so
     * that the test can check its message.
     */
    public static <T extends Throwable> T assertThrows(Class<T> expected, Executable code, String message) {
        try {
            code.execute();
        } catch (Throwable thrown) {
            if (expected.isInstance(thrown)) {
                return expected.cast(thrown);
            }
            throw mismatch(message, "an exception " + expected.getName(), thrown.toString());
        }
        throw mismatch(message, "an exception " + expected.getName(), "none");
    }

    private static void checkTolerance(double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be 0 or more, got " + tolerance);
        }
    }

    private static AssertionFailedError mismatch(String message, String expected, String actual) {
        return new AssertionFailedError(join(message, "expected " + expected + ", got " + actual));
    }

    private static String join(String message, String detail) {
        return message == null || message.isEmpty() ? detail : message + ": " + detail;
    }

    private static String describe(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }
}
