package org.backprop.server.gradebook;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import org.backprop.grader.result.Visibility;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One submission's result in the shape of Gradescope's autograder {@code results.json}: the score that counts,
 * an overall message, and one "test" per rubric item. Names are Gradescope's, snake case included.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GradescopeResults(
        @Schema(description = "The team's score: the items' points (staff scores in force) times the late credit")
        BigDecimal score,
        @Schema(description = "The grader's summary, and the late credit when it applied") String output,
        @Schema(description = "Gradescope visibility of the whole result") String visibility,
        List<Test> tests) {

    /** One rubric item as a Gradescope test. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Test(
            String name,
            @Schema(description = "The points that count; absent while the item waits for a TA", nullable = true)
            BigDecimal score,
            @JsonProperty("max_score") BigDecimal maxScore,
            @Schema(description = "The grader's message, and the staff comment of a score in force") String output,
            @Schema(description = "visible, after_due_date or hidden") String visibility) {
    }

    /** Returns Gradescope's name for when a student sees an item. */
    static String visibility(Visibility visibility) {
        return switch (visibility) {
            case VISIBLE -> "visible";
            case AFTER_DUE -> "after_due_date";
            case HIDDEN -> "hidden";
        };
    }
}
