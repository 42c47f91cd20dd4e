package org.backprop.nn;

/** Formats numbers the same way on the JVM and under TeaVM, whose {@code Float.toString} differs. */
public final class Numbers {
    private Numbers() {
    }

    /** Returns {@code value} rounded half away from zero to {@code decimals} digits after the point. */
    public static String format(double value, int decimals) {
        if (decimals < 0 || decimals > 9) {
            throw new IllegalArgumentException("decimals must be between 0 and 9, got " + decimals);
        }
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        long scaled = Math.round(Math.abs(value) * scale);
        String sign = value < 0 && scaled != 0 ? "-" : "";
        String whole = Long.toString(scaled / scale);
        if (decimals == 0) {
            return sign + whole;
        }
        String fraction = Long.toString(scaled % scale);
        while (fraction.length() < decimals) {
            fraction = "0" + fraction;
        }
        return sign + whole + "." + fraction;
    }
}
