package org.backprop.server.gradebook;

import java.math.BigDecimal;

/** One assignment of the gradebook: the column's id is the assignment's. */
public record GradebookColumn(long assignmentId, String slug, String title, BigDecimal maxPoints) {
}
