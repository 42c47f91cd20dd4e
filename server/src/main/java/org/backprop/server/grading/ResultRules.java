package org.backprop.server.grading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.backprop.grader.check.CheckOutcome;
import org.backprop.grader.pipeline.RubricItem;
import org.backprop.grader.worker.wire.ResultItemRequest;
import org.backprop.server.api.ApiError;

/**
 * Checks a posted result against the assignment's rubric (one item per rubric item, points within the
 * item's) and turns it into stored items; each refusal names the item and field.
 */
@ApplicationScoped
public class ResultRules {
    @Inject
    GradingInputs inputs;

    /** Returns the stored form of {@code posted} for {@code job}, in the rubric's order. */
    public List<GradingResultItem> items(GradingJob job, List<ResultItemRequest> posted) {
        Map<String, RubricItem> rubric = new LinkedHashMap<>();
        inputs.rubric(job.assignmentId).forEach(item -> rubric.put(item.key(), item));
        Map<String, GradingResultItem> items = new LinkedHashMap<>();
        for (int i = 0; i < posted.size(); i++) {
            ResultItemRequest item = posted.get(i);
            String field = "items[" + i + "]";
            RubricItem rubricItem = rubric.get(item.key());
            if (rubricItem == null) {
                throw ApiError.badRequest("\"" + field + ".key\" is \"" + item.key() + "\", which is no item of the"
                        + " assignment's rubric; it has " + rubric.keySet() + ".");
            }
            if (items.containsKey(item.key())) {
                throw ApiError.badRequest("\"" + field + ".key\" repeats the item \"" + item.key() + "\".");
            }
            items.put(item.key(), stored(item, field, BigDecimal.valueOf(rubricItem.points())));
        }
        Set<String> missing = new HashSet<>(rubric.keySet());
        missing.removeAll(items.keySet());
        if (!missing.isEmpty()) {
            throw ApiError.badRequest("\"items\" lacks the rubric items " + new ArrayList<>(rubric.keySet()).stream()
                    .filter(missing::contains).toList() + ": post one item for every rubric item.");
        }
        List<GradingResultItem> ordered = new ArrayList<>();
        rubric.keySet().forEach(key -> ordered.add(items.get(key)));
        return ordered;
    }

    private static GradingResultItem stored(ResultItemRequest item, String field, BigDecimal maxPoints) {
        boolean review = item.verdict() == CheckOutcome.Verdict.NEEDS_REVIEW;
        if (review != (item.points() == null)) {
            throw ApiError.badRequest("\"" + field + ".points\" must be " + (review
                    ? "null for an item that needs a TA's review" : "given for a " + item.verdict() + " item") + ".");
        }
        if (item.points() != null && (item.points().signum() < 0 || item.points().compareTo(maxPoints) > 0)) {
            throw ApiError.badRequest("\"" + field + ".points\" must be between 0 and " + maxPoints.stripTrailingZeros()
                    .toPlainString() + " (the item's points), got " + item.points().toPlainString() + ".");
        }
        GradingResultItem stored = new GradingResultItem();
        stored.itemKey = item.key();
        stored.verdict = item.verdict();
        stored.points = item.points() == null ? null : item.points().setScale(2, java.math.RoundingMode.HALF_UP);
        stored.maxPoints = maxPoints;
        stored.message = item.message();
        stored.visibility = item.visibility();
        return stored;
    }
}
