package org.backprop.server.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.backprop.server.api.ApiError;
import org.backprop.server.assignment.Assignment;
import org.backprop.server.assignment.CourseTime;
import org.backprop.server.assignment.ExtensionService;
import org.backprop.server.assignment.LateCreditTimeline;
import org.backprop.server.auth.CurrentAccount;
import org.backprop.server.course.Course;
import org.backprop.server.course.CourseAccess;
import org.backprop.server.course.CourseRole;
import org.backprop.server.experiment.ExperimentRun;
import org.backprop.server.team.Team;
import org.backprop.server.team.TeamSet;

/**
 * The two transactions of a submission: before the upload is stored, who submits for which team and
 * whether the assignment is still open; after, the decision by the clock at that moment and the rows.
 */
@ApplicationScoped
public class SubmissionAcceptance {
    @Inject
    CurrentAccount me;

    @Inject
    CourseAccess access;

    @Inject
    ExtensionService extensions;

    @Inject
    Clock clock;

    @Inject
    Event<SubmissionAccepted> accepted;

    /** A student allowed to submit for a team, and the class the grader will run. */
    record Submitter(long assignmentId, long teamId, long accountId, String mainClass) {
    }

    @Transactional
    Submitter prepare(long assignmentId) {
        Assignment assignment = Assignment.<Assignment>findByIdOptional(assignmentId)
                .orElseThrow(() -> ApiError.notFound("There is no assignment with id " + assignmentId + "."));
        access.requireMember(assignment.courseId);
        if (access.role(assignment.courseId).filter(role -> role == CourseRole.STUDENT).isEmpty()) {
            throw ApiError.forbidden("Only students of the course submit; staff read submissions with GET"
                    + " /api/assignments/" + assignmentId + "/submissions.");
        }
        long accountId = me.id();
        long teamId = assignment.teamOf(accountId).orElseThrow(() -> ApiError.conflict("You are not in a team of \""
                + TeamSet.<TeamSet>findById(assignment.teamSetId).name + "\" yet, and this assignment is handed in"
                + " by teams. Join a team, or ask your instructor to place you in one."));
        decide(assignment, teamId, accountId, clock.instant());
        return new Submitter(assignmentId, teamId, accountId, assignment.mainClass);
    }

    /**
     * Returns the runs a submission names, in the order named; each must be a run of the submitter's team's
     * experiment log for the assignment. A run elsewhere is refused the same way as one that does not exist, so
     * that ids tell nothing about other teams.
     */
    @Transactional
    List<NamedRun> runs(Submitter submitter, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ExperimentRun> found = ExperimentRun.<ExperimentRun>list("id in ?1", ids).stream()
                .filter(run -> run.teamId == submitter.teamId() && run.assignmentId == submitter.assignmentId())
                .collect(Collectors.toMap(run -> run.id, Function.identity()));
        return ids.stream().map(id -> {
            ExperimentRun run = found.get(id);
            if (run == null) {
                throw ApiError.badRequest("Run " + id + " is not in your team's experiment log for this assignment.");
            }
            return new NamedRun(run.id, run.sizeBytes, run.recordSha256);
        }).toList();
    }

    /**
     * Stores the rows of a submission whose files are already in the blob store. The team's row is locked
     * first, so that submissions of one team are numbered one at a time, and the credit is decided by the
     * clock read under that lock.
     */
    @Transactional
    SubmissionView accept(Submitter submitter, List<StoredPart> parts, List<NamedRun> runs) {
        Team.<Team>findById(submitter.teamId(), LockModeType.PESSIMISTIC_WRITE);
        Assignment assignment = Assignment.findById(submitter.assignmentId());
        Instant now = clock.instant();
        Decision decision = decide(assignment, submitter.teamId(), submitter.accountId(), now);
        Integer last = Submission.getEntityManager()
                .createQuery("select max(s.version) from Submission s where s.assignmentId = :a and s.teamId = :t",
                        Integer.class)
                .setParameter("a", assignment.id).setParameter("t", submitter.teamId())
                .getSingleResult();
        Submission submission = new Submission();
        submission.assignmentId = assignment.id;
        submission.teamId = submitter.teamId();
        submission.version = last == null ? 1 : last + 1;
        submission.submittedBy = submitter.accountId();
        submission.receivedAt = now;
        submission.contentHash = ContentHash.of(parts, runs);
        submission.creditPercent = decision.credit().creditPercent();
        submission.lateSeconds = decision.credit().lateBy().toSeconds();
        submission.extensionSeconds = decision.extension().toSeconds();
        submission.totalBytes = parts.stream().mapToLong(StoredPart::size).sum();
        submission.persist();
        parts.forEach(part -> SubmissionFile.of(submission.id, part).persist());
        for (int position = 0; position < runs.size(); position++) {
            SubmissionRun.of(submission.id, position, runs.get(position).id()).persist();
        }
        accepted.fire(new SubmissionAccepted(submission.id, assignment.id, submission.teamId, submission.version,
                submission.contentHash, now));
        return SubmissionViews.of(submission);
    }

    private record Decision(LateCreditTimeline.Decision credit, Duration extension) {
    }

    private Decision decide(Assignment assignment, long teamId, long accountId, Instant at) {
        Duration extension = extensions.inForce(assignment.id, teamId, accountId);
        LateCreditTimeline timeline = assignment.timeline();
        LateCreditTimeline.Decision credit = timeline.decide(at, extension);
        if (!credit.open()) {
            String zone = Course.<Course>findById(assignment.courseId).timeZone;
            throw ApiError.conflict("The deadline for \"" + assignment.title + "\" closed at "
                    + CourseTime.sentence(timeline.closesAt(extension), zone)
                    + (extension.isZero() ? "" : ", your extension included")
                    + "; nothing can be submitted after that. Ask your instructor if you need an extension.");
        }
        return new Decision(credit, extension);
    }
}
