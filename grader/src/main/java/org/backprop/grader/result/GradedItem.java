package org.backprop.grader.result;

import org.backprop.grader.check.CheckOutcome;

/**
 * One rubric item as graded: its key, the verdict, the points earned ({@code null} while a TA must decide)
 * out of {@code maxPoints}, the message for the student, and when the student sees it.
 */
public record GradedItem(String key, CheckOutcome.Verdict verdict, Double points, double maxPoints, String message,
        Visibility visibility) {

    public GradedItem {
        if (key == null || key.isBlank() || verdict == null || message == null || visibility == null) {
            throw new IllegalArgumentException("a graded item needs a key, verdict, message and visibility, got "
                    + key + ", " + verdict + ", " + message + ", " + visibility);
        }
        if ((verdict == CheckOutcome.Verdict.NEEDS_REVIEW) != (points == null)) {
            throw new IllegalArgumentException("item " + key + ": only an item a TA must review has no points, got "
                    + verdict + " with " + points);
        }
        if (points != null && !(points >= 0 && points <= maxPoints)) {
            throw new IllegalArgumentException("item " + key + ": points must be in [0, " + maxPoints + "], got "
                    + points);
        }
    }

    /** Returns the item for {@code outcome}, its fraction turned into points rounded to hundredths. */
    public static GradedItem of(String key, double maxPoints, Visibility visibility, CheckOutcome outcome) {
        Double points = outcome.fraction() == null ? null : Math.round(outcome.fraction() * maxPoints * 100) / 100.0;
        return new GradedItem(key, outcome.verdict(), points, maxPoints, outcome.message(), visibility);
    }
}
