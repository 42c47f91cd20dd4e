package org.backprop.grader.textbook;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a chapter's program printed: each line {@code key = value} (e.g. {@code 8.1 params = 104202}); other lines
 * (fit's epoch lines, summaries) are kept in the output for failure messages only.
 */
final class ListingRun {
    private final String stdout;
    private final Map<String, String> values = new LinkedHashMap<>();

    ListingRun(String stdout) {
        this.stdout = stdout;
        for (String line : stdout.split("\n")) {
            int equals = line.indexOf(" = ");
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 3).trim());
            }
        }
    }

    /** Returns the value printed for {@code key}, failing with the whole output when it was not printed. */
    String text(String key) {
        String value = values.get(key);
        if (value == null) {
            fail("the program printed no line \"" + key + " = ...\"; it printed:\n" + stdout);
        }
        return value;
    }

    long integer(String key) {
        return Long.parseLong(text(key));
    }

    double number(String key) {
        return Double.parseDouble(text(key));
    }

    /** Asserts that {@code key}'s value is at least {@code minimum}. */
    void atLeast(String key, double minimum) {
        double value = number(key);
        assertTrue(value >= minimum, () -> key + " should be at least " + minimum + ", was " + value + "\n" + stdout);
    }

    /** Asserts that {@code key}'s value is at most {@code maximum}. */
    void atMost(String key, double maximum) {
        double value = number(key);
        assertTrue(value <= maximum, () -> key + " should be at most " + maximum + ", was " + value + "\n" + stdout);
    }

    /** Asserts that {@code later} is below {@code earlier} (a loss that fell). */
    void fell(String earlier, String later) {
        double before = number(earlier);
        double after = number(later);
        assertTrue(after < before, () -> later + " (" + after + ") should be below " + earlier + " (" + before
                + ")\n" + stdout);
    }

    /** Asserts that {@code later} is above {@code earlier} (a quantity gradient ascent raised). */
    void rose(String earlier, String later) {
        double before = number(earlier);
        double after = number(later);
        assertTrue(after > before, () -> later + " (" + after + ") should be above " + earlier + " (" + before
                + ")\n" + stdout);
    }

    /** Asserts that {@code smaller}'s value is below {@code larger}'s. */
    void below(String smaller, String larger) {
        double low = number(smaller);
        double high = number(larger);
        assertTrue(low < high, () -> smaller + " (" + low + ") should be below " + larger + " (" + high + ")\n"
                + stdout);
    }
}
