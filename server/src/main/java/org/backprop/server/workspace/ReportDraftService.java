package org.backprop.server.workspace;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.backprop.server.api.ApiError;
import org.backprop.server.assignment.Assignment;
import org.backprop.server.assignment.CourseTime;
import org.backprop.server.assignment.TeamAccess;
import org.backprop.server.auth.CurrentAccount;
import org.backprop.server.course.Course;

/**
 * Each member's report draft for an assignment, kept while they write it; it needs no team. A save names the revision
 * it was made from and is refused with a {@link ConflictProblem} when the member saved another version since (in
 * another tab): the update only happens {@code where revision = base}.
 */
@ApplicationScoped
public class ReportDraftService {
    @Inject
    TeamAccess access;

    @Inject
    CurrentAccount me;

    @Inject
    Clock clock;

    @Inject
    WorkspaceConfig config;

    /** Returns the caller's draft, or the report template at revision 0 before the first save. */
    @Transactional
    public DraftView mine(long assignmentId) {
        return current(student(assignmentId));
    }

    /** Saves the caller's draft over {@code baseRevision} (0: the first save). */
    @Transactional
    public DraftView save(long assignmentId, DraftRequest request) {
        Assignment assignment = student(assignmentId);
        long size = SourceRules.bytes(request.markdown());
        long max = config.maxDraftSize().asLongValue();
        if (size > max) {
            throw ApiError.tooLarge("Your report draft is " + SourceRules.kib(size) + " KiB; a draft may be at most "
                    + SourceRules.kib(max) + " KiB. Shorten it, or link run charts instead of pasting data.");
        }
        SourceRules.text(request.markdown(), "Your report draft");
        String sql = request.baseRevision() == 0
                ? "insert into report_draft (account_id, assignment_id, markdown, revision, updated_at)"
                        + " values (?1, ?2, ?3, 1, ?4) on conflict do nothing"
                : "update report_draft set markdown = ?3, revision = revision + 1, updated_at = ?4"
                        + " where account_id = ?1 and assignment_id = ?2 and revision = ?5";
        var query = Panache.getEntityManager().createNativeQuery(sql).setParameter(1, me.id())
                .setParameter(2, assignmentId).setParameter(3, request.markdown()).setParameter(4, clock.instant());
        if (request.baseRevision() != 0) {
            query.setParameter(5, request.baseRevision());
        }
        if (query.executeUpdate() == 0) {
            DraftView theirs = current(assignment);
            throw ConflictProblem.of(theirs.revision() == 0
                    ? "Your report draft has not been saved yet, so there is no revision " + request.baseRevision()
                            + " to save over. Save it as the first revision (baseRevision 0)."
                    : "You saved this report draft (revision " + theirs.revision() + ") at "
                            + CourseTime.sentence(theirs.updatedAt(), Course.<Course>findById(assignment.courseId)
                                    .timeZone) + " in another tab or window, after you opened revision "
                            + request.baseRevision() + ". Your version is kept in the editor: compare the two and"
                            + " save again.", theirs);
        }
        return current(assignment);
    }

    private Assignment student(long assignmentId) {
        return access.student(assignmentId, "Only students of the course write report drafts; staff read a team's"
                + " reports in its submissions.");
    }

    private DraftView current(Assignment assignment) {
        return ReportDraft.<ReportDraft>findByIdOptional(new ReportDraft.Key(me.id(), assignment.id))
                .map(draft -> new DraftView(draft.markdown, draft.revision, draft.updatedAt))
                .orElseGet(() -> new DraftView(ReportTemplate.of(assignment), 0, null));
    }
}
