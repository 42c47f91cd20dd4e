package org.backprop.server.grading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.backprop.grader.worker.LeasedJobs;
import org.backprop.server.api.ApiError;
import org.backprop.server.dataset.DatasetStore;

/**
 * Which dataset shards (and pretrained models, stored by hash alike) a worker token may download: only those a job
 * it holds a live lease on reads, visible and hidden splits alike. A token therefore reaches no course's data outside
 * the jobs the queue gave it, and a token of one course never leases another course's jobs.
 */
@ApplicationScoped
public class WorkerShards {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    @Inject
    EntityManager entityManager;

    @Inject
    GradingInputs inputs;

    @Inject
    DatasetStore store;

    @Inject
    Clock clock;

    /** Returns the file of shard {@code sha256} for the worker with token {@code tokenId}; refuses any other shard. */
    @Transactional
    public Path shard(long tokenId, String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw ApiError.badRequest("A shard is named by its SHA-256 in 64 lower-case hex digits, not \"" + sha256
                    + "\".");
        }
        List<Long> assignments = entityManager.createQuery("select distinct j.assignmentId from GradingJob j,"
                + " GradingAttempt a where a.workerTokenId = :token and a.outcome is null and a.leaseId = j.leaseId"
                + " and j.state = :leased and j.leaseExpiresAt > :now", Long.class)
                .setParameter("token", tokenId).setParameter("leased", JobState.LEASED)
                .setParameter("now", clock.instant()).getResultList();
        boolean leased = assignments.stream().anyMatch(assignment -> LeasedJobs.shards(inputs.datasets(assignment),
                inputs.hiddenSplits(assignment), inputs.pretrained(assignment))
                .contains(sha256));
        Path file = store.shard(sha256);
        if (!leased || !Files.isRegularFile(file)) {
            throw ApiError.notFound("No job this worker holds a lease on reads shard " + sha256 + ".");
        }
        return file;
    }
}
