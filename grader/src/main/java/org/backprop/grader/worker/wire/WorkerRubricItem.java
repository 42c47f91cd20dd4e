package org.backprop.grader.worker.wire;

import java.util.Map;
import org.backprop.grader.pipeline.RubricItem;
import org.backprop.grader.result.Visibility;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A rubric item as workers get it: with its check's parameters, hidden ones included. */
public record WorkerRubricItem(
        String key,
        String description,
        double points,
        @Schema(description = "A check of the catalogue: curves, architecture, augmentation-active, ablation, report,"
                + " reproduce, heldout, tests or manual") String check,
        @Schema(description = "The check's parameters as the assignment gives them") Map<String, Object> params,
        Visibility visibility) {

    /** Returns the wire form of a rubric item. */
    public static WorkerRubricItem of(RubricItem item) {
        return new WorkerRubricItem(item.key(), item.description(), item.points(), item.check(), item.params(),
                item.visibility());
    }

    /** Returns the grader's form of this item. */
    public RubricItem toRubricItem() {
        return new RubricItem(key, description, points, check, params, visibility);
    }
}
