package org.backprop.server.submission;

import java.time.Duration;
import java.util.List;
import org.backprop.server.account.Account;
import org.backprop.server.assignment.Assignment;
import org.backprop.server.assignment.CourseTime;
import org.backprop.server.course.Course;
import org.backprop.server.team.Team;

/** Builds submission views from the entities. */
public final class SubmissionViews {
    private SubmissionViews() {
    }

    static SubmissionView of(Submission submission) {
        Assignment assignment = Assignment.findById(submission.assignmentId);
        String zone = Course.<Course>findById(assignment.courseId).timeZone;
        List<SubmissionView.FileView> files = SubmissionFile.<SubmissionFile>list(
                "key.submissionId = ?1 order by key.path", submission.id).stream()
                .map(file -> new SubmissionView.FileView(file.key.path, file.kind, file.sizeBytes, file.sha256))
                .toList();
        List<SubmissionView.RunView> runs = Submission.getEntityManager().createQuery("select r.id, r.name, a.id,"
                + " a.displayName from SubmissionRun s, ExperimentRun r, Account a"
                + " where s.key.submissionId = :submission and r.id = s.runId and a.id = r.accountId"
                + " order by s.key.position", Object[].class)
                .setParameter("submission", submission.id).getResultList().stream()
                .map(row -> new SubmissionView.RunView((Long) row[0], (String) row[1], (Long) row[2], (String) row[3]))
                .toList();
        return new SubmissionView(submission.id, submission.assignmentId, submission.teamId,
                Team.<Team>findById(submission.teamId).name, submission.version, submission.submittedBy,
                Account.<Account>findById(submission.submittedBy).displayName, submission.receivedAt,
                CourseTime.iso(submission.receivedAt, zone), zone, submission.contentHash, submission.creditPercent,
                submission.lateSeconds, lateBy(Duration.ofSeconds(submission.lateSeconds)), submission.extensionSeconds,
                submission.totalBytes, files, runs);
    }

    /** Returns "on time" or the lateness in days, hours, minutes and seconds, e.g. "1 d 2 h 0 min 5 s late". */
    public static String lateBy(Duration late) {
        if (late.isZero()) {
            return "on time";
        }
        StringBuilder text = new StringBuilder();
        if (late.toDays() > 0) {
            text.append(late.toDays()).append(" d ");
        }
        if (late.toHours() > 0) {
            text.append(late.toHoursPart()).append(" h ");
        }
        if (late.toMinutes() > 0) {
            text.append(late.toMinutesPart()).append(" min ");
        }
        return text.append(late.toSecondsPart()).append(" s late").toString();
    }
}
