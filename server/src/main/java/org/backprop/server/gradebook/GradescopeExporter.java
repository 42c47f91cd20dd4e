package org.backprop.server.gradebook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.backprop.grader.result.Visibility;
import org.backprop.server.api.ApiError;
import org.backprop.server.assignment.Assignment;
import org.backprop.server.course.CourseAccess;
import org.backprop.server.grading.GradingResult;
import org.backprop.server.review.ReviewItems;
import org.backprop.server.submission.Submission;
import org.backprop.server.team.Team;

/**
 * Exports an assignment's results for Gradescope. Each team counts with its latest submission, as in the
 * gradebook; a team whose latest submission has no result yet is left out rather than exported with an older
 * version's, so that the export never disagrees with the gradebook.
 */
@ApplicationScoped
public class GradescopeExporter {
    @Inject
    CourseAccess access;

    @Inject
    ReviewItems items;

    /** Returns the export of an assignment of the course, for its staff. */
    @Transactional
    public GradescopeExport export(long courseId, long assignmentId) {
        access.requireStaff(courseId, "export results");
        Assignment assignment = Assignment.<Assignment>findByIdOptional(assignmentId)
                .filter(found -> found.courseId == courseId)
                .orElseThrow(() -> ApiError.notFound("Course " + courseId + " has no assignment with id " + assignmentId
                        + "."));
        List<GradescopeExport.TeamResult> teams = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (Submission submission : Submission.<Submission>list("assignmentId = ?1 order by teamId, version desc",
                assignmentId)) {
            if (seen.add(submission.teamId)) {
                latestResult(submission).ifPresent(result -> teams.add(new GradescopeExport.TeamResult(
                        submission.teamId, Team.<Team>findById(submission.teamId).name, submission.id,
                        submission.version, emails(submission.teamId), results(submission, result))));
            }
        }
        return new GradescopeExport(assignment.id, assignment.slug, assignment.title, teams);
    }

    private GradescopeResults results(Submission submission, GradingResult result) {
        List<ReviewItems.Item> graded = items.of(submission);
        List<GradescopeResults.Test> tests = graded.stream().map(GradescopeExporter::test).toList();
        String output = result.summary + (submission.creditPercent == 100 ? "" : " Handed in late: "
                + submission.creditPercent + "% of the points count.");
        return new GradescopeResults(ReviewItems.credited(ReviewItems.total(graded), submission.creditPercent), output,
                GradescopeResults.visibility(Visibility.VISIBLE), tests);
    }

    private static GradescopeResults.Test test(ReviewItems.Item item) {
        String message = item.automatic() == null ? "" : item.automatic().message;
        if (item.latest() != null && !item.latest().comment.isBlank()) {
            message = (message.isEmpty() ? "" : message + "\n") + "Reviewer: " + item.latest().comment;
        }
        if (item.effectivePoints() == null) {
            message = (message.isEmpty() ? "" : message + "\n") + "Not scored yet: a TA reviews this item.";
        }
        return new GradescopeResults.Test(item.rubric().description, item.effectivePoints(), item.rubric().points,
                message, GradescopeResults.visibility(item.visibility()));
    }

    private static Optional<GradingResult> latestResult(Submission submission) {
        return GradingResult.<GradingResult>find("submissionId = ?1 order by createdAt desc, id desc", submission.id)
                .firstResultOptional();
    }

    private static List<String> emails(long teamId) {
        return Submission.getEntityManager().createQuery("select a.email from Account a, TeamMember m"
                + " where m.teamId = :team and a.id = m.key.accountId order by a.email", String.class)
                .setParameter("team", teamId).getResultList();
    }
}
