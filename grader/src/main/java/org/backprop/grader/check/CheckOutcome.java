package org.backprop.grader.check;

/**
 * How one rubric item fared: a verdict, the fraction of the item's points it earned ({@code null} when a TA
 * must decide), and a message written for the student.
 */
public record CheckOutcome(Verdict verdict, Double fraction, String message) {

    /** The ways an item can end. */
    public enum Verdict {
        /** Everything the item asks for is there: full points. */
        PASSED,
        /** Some of it is there: the fraction says how much. */
        PARTIAL,
        /** None of it is there: no points. */
        FAILED,
        /** No automatic judgement: a TA scores the item. */
        NEEDS_REVIEW
    }

    public CheckOutcome {
        if (verdict == null || message == null || message.isBlank()) {
            throw new IllegalArgumentException("an outcome needs a verdict and a message, got " + verdict + ", "
                    + message);
        }
        if ((verdict == Verdict.NEEDS_REVIEW) != (fraction == null)) {
            throw new IllegalArgumentException("only an item a TA must review has no fraction, got " + verdict
                    + " with " + fraction);
        }
        if (fraction != null && !(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in [0, 1], got " + fraction);
        }
    }

    /** Returns an outcome that earns {@code earned / required} of the points (passed, partial or failed). */
    public static CheckOutcome scored(int earned, int required, String message) {
        if (required <= 0 || earned >= required) {
            return new CheckOutcome(Verdict.PASSED, 1.0, message);
        }
        if (earned <= 0) {
            return new CheckOutcome(Verdict.FAILED, 0.0, message);
        }
        return new CheckOutcome(Verdict.PARTIAL, (double) earned / required, message);
    }

    public static CheckOutcome passed(String message) {
        return new CheckOutcome(Verdict.PASSED, 1.0, message);
    }

    public static CheckOutcome failed(String message) {
        return new CheckOutcome(Verdict.FAILED, 0.0, message);
    }

    public static CheckOutcome needsReview(String message) {
        return new CheckOutcome(Verdict.NEEDS_REVIEW, null, message);
    }
}
