package org.backprop.server.gradebook;

import java.util.List;

/** A course's whole gradebook: its assignments as columns and one row per student, by email. */
public record GradebookView(long courseId, List<GradebookColumn> assignments, List<GradebookRow> students) {
}
