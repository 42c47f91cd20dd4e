package org.backprop.server.submission;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.backprop.server.api.ApiError;

/** Reads the repeated {@code run} fields of a submission: experiment-log ids, each once, at most a cap of them. */
final class RunIds {
    private RunIds() {
    }

    /** Returns the ids in the order they were sent; fails with a 400 or 413 problem naming the field's fault. */
    static List<Long> of(List<String> fields, int max) {
        if (fields == null) {
            return List.of();
        }
        if (fields.size() > max) {
            throw ApiError.tooLarge("The submission names " + fields.size() + " runs; a submission may name at most "
                    + max + ". Hand in the runs your report uses.");
        }
        List<Long> ids = new ArrayList<>(fields.size());
        Set<Long> seen = new HashSet<>();
        for (String field : fields) {
            long id = id(field);
            if (!seen.add(id)) {
                throw ApiError.badRequest("Run " + id + " is named twice in the submission; name each run once.");
            }
            ids.add(id);
        }
        return ids;
    }

    private static long id(String field) {
        String text = field == null ? "" : field.strip();
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // Answered below, with what was sent.
        }
        throw ApiError.badRequest("A \"run\" field holds \"" + abbreviated(text) + "\"; each \"run\" field holds the id"
                + " of a run in your team's experiment log, e.g. 17.");
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
