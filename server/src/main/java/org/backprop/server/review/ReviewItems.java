package org.backprop.server.review;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backprop.grader.result.Visibility;
import org.backprop.server.assignment.RubricItem;
import org.backprop.server.grading.GradingResult;
import org.backprop.server.grading.GradingResultItem;
import org.backprop.server.submission.Submission;

/**
 * Combines a submission's rubric, its newest automatic result and the scores staff gave into the items that
 * count. Callers hold a transaction.
 */
@ApplicationScoped
public class ReviewItems {
    /** One rubric item of a submission: what the grader found (if anything) and the score in force (if any). */
    public record Item(RubricItem rubric, GradingResultItem automatic, ReviewScore latest) {
        /** Returns the points that count: the newest staff score, else the automatic points, else none. */
        public BigDecimal effectivePoints() {
            if (latest != null) {
                return latest.newPoints;
            }
            return automatic == null ? null : automatic.points;
        }

        /** Returns who may see the item; an item the grader never reported was scored by hand for students. */
        public Visibility visibility() {
            return automatic == null ? Visibility.VISIBLE : automatic.visibility;
        }
    }

    /** Returns the submission's items in rubric order. */
    public List<Item> of(Submission submission) {
        // A regrade posts a newer result; the newest one is what the grader now says.
        GradingResult result = GradingResult.<GradingResult>find("submissionId = ?1 order by createdAt desc, id desc",
                submission.id).firstResult();
        Map<String, GradingResultItem> automatic = new HashMap<>();
        if (result != null) {
            result.items.forEach(item -> automatic.put(item.itemKey, item));
        }
        Map<String, ReviewScore> latest = new HashMap<>();
        ReviewScore.ofSubmission(submission.id).forEach(score -> latest.put(score.itemKey, score));
        return RubricItem.<RubricItem>list("assignmentId = ?1 order by position", submission.assignmentId).stream()
                .map(item -> new Item(item, automatic.get(item.key), latest.get(item.key)))
                .toList();
    }

    /** Returns the sum of the effective points; items without points count nothing. */
    public static BigDecimal total(List<Item> items) {
        return items.stream().map(Item::effectivePoints).filter(points -> points != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Returns {@code total} times the late credit, to the cent (half up, as a grade sheet rounds). */
    public static BigDecimal credited(BigDecimal total, int creditPercent) {
        return total.multiply(BigDecimal.valueOf(creditPercent)).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
    }
}
