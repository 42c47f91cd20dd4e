package org.backprop.server.gradebook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.backprop.server.assignment.Assignment;
import org.backprop.server.assignment.RubricItem;
import org.backprop.server.course.CourseAccess;
import org.backprop.server.course.CourseMember;
import org.backprop.server.course.CourseRole;
import org.backprop.server.review.ReviewItems;
import org.backprop.server.submission.Submission;
import org.backprop.server.team.TeamMember;

/** Computes each student's score per assignment from their team's latest submission, overrides and late credit. */
@ApplicationScoped
public class GradebookService {
    @Inject
    CourseAccess access;

    @Inject
    ReviewItems items;

    /** Returns the whole gradebook of a course, for its staff. */
    @Transactional
    public GradebookView gradebook(long courseId) {
        access.requireStaff(courseId, "see the gradebook");
        List<Assignment> assignments = Assignment.list("courseId = ?1 order by dueAt, id", courseId);
        List<CourseMember> students = CourseMember.list("key.courseId = ?1 and role = ?2 order by account.email",
                courseId, CourseRole.STUDENT);
        List<Map<Long, GradebookCell>> byStudent = new ArrayList<>();
        List<GradebookColumn> columns = new ArrayList<>();
        for (Assignment assignment : assignments) {
            columns.add(new GradebookColumn(assignment.id, assignment.slug, assignment.title, maxPoints(assignment)));
            byStudent.add(cellsByStudent(assignment));
        }
        List<GradebookRow> rows = students.stream().map(member -> {
            List<GradebookCell> cells = byStudent.stream().map(column -> column.get(member.account.id)).toList();
            return new GradebookRow(member.account.id, member.account.email, member.account.displayName,
                    cells.stream().map(cell -> cell == null ? null
                            : ReviewItems.credited(cell.points(), cell.creditPercent())).toList(), cells);
        }).toList();
        return new GradebookView(courseId, columns, rows);
    }

    // One pass per assignment over its teams, not one per student: a team's score is the same for all its members.
    private Map<Long, GradebookCell> cellsByStudent(Assignment assignment) {
        Map<Long, GradebookCell> byTeam = new HashMap<>();
        for (Submission submission : Submission.<Submission>list("assignmentId = ?1 order by teamId, version desc",
                assignment.id)) {
            if (!byTeam.containsKey(submission.teamId)) {
                List<ReviewItems.Item> scored = items.of(submission);
                int overrides = (int) scored.stream().filter(item -> item.latest() != null).count();
                byTeam.put(submission.teamId, new GradebookCell(submission.id, submission.version,
                        ReviewItems.total(scored), submission.creditPercent, overrides));
            }
        }
        Map<Long, GradebookCell> byStudent = new HashMap<>();
        for (TeamMember seat : TeamMember.<TeamMember>list("key.teamSetId = ?1", assignment.teamSetId)) {
            GradebookCell cell = byTeam.get(seat.teamId);
            if (cell != null) {
                byStudent.put(seat.key.accountId, cell);
            }
        }
        return byStudent;
    }

    private static BigDecimal maxPoints(Assignment assignment) {
        return RubricItem.<RubricItem>list("assignmentId", assignment.id).stream().map(item -> item.points)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
