package org.backprop.server.grading;

import java.util.Arrays;
import java.util.Locale;
import org.backprop.server.api.ApiError;

/** Reads a job state from a query parameter, refusing unknown ones with the states there are. */
final class JobStates {
    private JobStates() {
    }

    static JobState parse(String text) {
        try {
            return JobState.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("\"state\" must be one of " + Arrays.toString(JobState.values()) + ", got \""
                    + text + "\".");
        }
    }
}
