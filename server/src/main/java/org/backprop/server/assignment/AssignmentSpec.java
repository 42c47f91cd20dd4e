package org.backprop.server.assignment;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.backprop.grader.check.CheckSpec;

/**
 * A validated {@code assignment.yaml}: what the server needs to publish an assignment. Built only by
 * {@link SpecParser}, so every instance is complete and consistent.
 *
 * @param rerunVariants how many ablation variants the server trains again besides the baselines
 * @param document the whole YAML document, kept for the grader, which reads the check parameters
 */
record AssignmentSpec(String title, String summary, DeadlineSpec deadline, TeamPolicy team,
        List<DatasetSpec> datasets, StarterSpec starter, int rerunVariants, List<RubricSpec> rubric, JsonNode document) {

    /**
     * When the assignment is due: either a local date-time in the course's zone, or a number of days after
     * the first import at a local time of day. Applied at the first import only; staff edit it afterwards.
     */
    record DeadlineSpec(LocalDateTime due, Integer dueDays, LocalTime dueTime, List<LateStep> lateCredit) {
    }

    /** Up to {@code until} after the due time a submission earns {@code creditPercent}. */
    record LateStep(Duration until, int creditPercent) {
    }

    record TeamPolicy(String set, int minSize, int maxSize) {
    }

    /** A dataset entry; {@code version} (or null for the course's newest) picks among the course's imports. */
    record DatasetSpec(String name, String version, String source, List<String> splits, String hidden) {
    }

    record StarterSpec(String mainClass, List<String> files) {
    }

    record RubricSpec(String id, BigDecimal points, String description, CheckSpec check, JsonNode params) {
    }
}
