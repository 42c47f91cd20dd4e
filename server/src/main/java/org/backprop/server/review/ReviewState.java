package org.backprop.server.review;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.backprop.server.api.ApiError;
import org.backprop.server.grading.JobState;

/** Where a submission stands on the review desk, from what the queue, the results and the reviews say. */
public enum ReviewState {
    /** Its grading job has not finished (queued, leased, or never queued). */
    WAITING,
    /** The grader's result is in and every item has points. */
    GRADED,
    /** Some item has no points yet: a manual item, or one the grader left to a TA. */
    NEEDS_REVIEW,
    /** Its team has an open regrade request. */
    REGRADE_REQUESTED,
    /** The assignment's results are published, every item has points and nothing is asked. */
    PUBLISHED;

    /**
     * Decides the state, what asks for staff first: an open regrade request, then a grading job still running (a
     * first grading or a re-run), then an item without points, then whether the results are published.
     */
    static ReviewState of(boolean openRegrade, boolean published, JobState latestJob, List<ReviewItems.Item> items) {
        if (openRegrade) {
            return REGRADE_REQUESTED;
        }
        if (latestJob == null || latestJob == JobState.QUEUED || latestJob == JobState.LEASED) {
            return WAITING;
        }
        if (items.stream().anyMatch(item -> item.effectivePoints() == null)) {
            return NEEDS_REVIEW;
        }
        return published ? PUBLISHED : GRADED;
    }

    /** Reads a state from a query parameter, refusing unknown ones with the states there are. */
    static ReviewState parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("\"state\" must be one of " + Arrays.toString(values()) + ", got \"" + text
                    + "\".");
        }
    }
}
