package org.backprop.server.grading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.backprop.grader.compile.SourceBundle;
import org.backprop.grader.evidence.Member;
import org.backprop.grader.worker.wire.ClaimView;
import org.backprop.grader.worker.wire.LeasedJob;
import org.backprop.grader.worker.wire.WorkerRubricItem;

/** Gathers what grading a leased job needs: the submission's material, the rubric, the team, the limits. */
@ApplicationScoped
public class JobMaterials {
    @Inject
    GradingInputs inputs;

    @Inject
    GradingConfig config;

    @Inject
    EntityManager entityManager;

    /** Returns the job of {@code lease} with its material; fails when the material cannot be read. */
    @Transactional
    public LeasedJob of(GradingQueue.Lease lease) {
        GradingJob job = lease.job();
        SourceBundle sources = inputs.sources(job.submissionId);
        return new LeasedJob(lease.attempt().leaseId, job.id, job.submissionId, job.assignmentId, job.teamId,
                lease.attempt().attempt, job.leaseExpiresAt, Math.max(1, config.leaseDuration().toSeconds() / 3),
                sources.mainClass(), sources.files(), inputs.contentHash(job.submissionId),
                inputs.rerunVariants(job.assignmentId), inputs.claimedRuns(job.submissionId).stream().map(ClaimView::of).toList(),
                inputs.report(job.submissionId), teamMembers(job.teamId),
                inputs.rubric(job.assignmentId).stream().map(WorkerRubricItem::of).toList(),
                config.limits().view(), inputs.datasets(job.assignmentId), inputs.pretrained(job.assignmentId),
                inputs.hiddenSplits(job.assignmentId), inputs.hiddenTests(job.assignmentId));
    }

    /**
     * Returns the team's members now, which the report check looks for. The team's members at submission time
     * would be better once submissions record them.
     */
    private List<Member> teamMembers(long teamId) {
        return entityManager.createQuery("select a.id, a.displayName from Account a, TeamMember m"
                + " where m.teamId = :team and a.id = m.key.accountId order by a.displayName, a.id", Object[].class)
                .setParameter("team", teamId).getResultList().stream()
                .map(row -> new Member((Long) row[0], (String) row[1])).toList();
    }
}
