package org.backprop.server.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.backprop.grader.check.CheckOutcome.Verdict;
import org.backprop.grader.result.Visibility;
import org.backprop.grader.worker.wire.ResultItemRequest;
import org.backprop.grader.worker.wire.ResultRequest;
import org.backprop.server.fixtures.Fixtures;
import org.backprop.server.fixtures.PinnedClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The queue against real PostgreSQL: leases under concurrency, expiry, heartbeats, the retry cap and
 * idempotent results. Each test works in a course of its own and leases only that course's jobs.
 */
@QuarkusTest
class GradingQueueTest {
    private static final Instant T0 = Instant.parse("2025-06-01T14:59:00Z");
    private static final Duration LEASE = Duration.ofMinutes(10);

    @Inject
    Fixtures fixtures;

    @Inject
    GradingFixtures grading;

    @Inject
    GradingQueue queue;

    @Inject
    PinnedClock clock;

    @AfterEach
    void runTheClockAgain() {
        clock.release();
    }

    /** A course with one team, an assignment, and the lease holders of that course. */
    private record Course(long id, long team, long assignment) {
        LeaseHolder worker(String name) {
            return new LeaseHolder(null, name, id);
        }
    }

    private Course course() {
        Fixtures.Cohort cohort = fixtures.cohort(1);
        return new Course(cohort.id(), grading.team(cohort, 1), grading.assignment(GradingFixtures.RUBRIC));
    }

    @Test
    void concurrentWorkersLeaseEveryJobExactlyOnce() throws Exception {
        Course course = course();
        int jobs = 40;
        int workers = 8;
        List<Long> queued = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            queued.add(queue.enqueue(1000L + i, course.assignment(), course.team(), JobReason.SUBMISSION, null, 0).id);
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Long> leased = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            LeaseHolder holder = course.worker("worker " + w);
            tasks.add(() -> {
                int mine = 0;
                for (Optional<GradingQueue.Lease> lease = queue.lease(holder); lease.isPresent();
                        lease = queue.lease(holder)) {
                    leased.add(lease.get().job().id);
                    mine++;
                }
                return mine;
            });
        }
        int total = 0;
        for (Future<Integer> done : pool.invokeAll(tasks)) {
            total += done.get();
        }
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(leased);
        Collections.sort(sorted);
        assertEquals(queued, sorted, "every job leased exactly once");
        assertEquals(jobs, total);
        assertEquals(jobs, fixtures.inTransaction(() -> GradingJob.count("courseId = ?1 and state = ?2 and attempts = 1",
                course.id(), JobState.LEASED)));
    }

    @Test
    void leasesTheHighestPriorityFirstThenTheOldest() {
        clock.pin(T0);
        Course course = course();
        long first = queue.enqueue(1, course.assignment(), course.team(), JobReason.SUBMISSION, null, 0).id;
        clock.advance(Duration.ofSeconds(1));
        long second = queue.enqueue(2, course.assignment(), course.team(), JobReason.SUBMISSION, null, 0).id;
        long regrade = queue.enqueue(3, course.assignment(), course.team(), JobReason.REGRADE, null, 10).id;
        LeaseHolder worker = course.worker("w");
        assertEquals(List.of(regrade, first, second), List.of(queue.lease(worker).orElseThrow().job().id,
                queue.lease(worker).orElseThrow().job().id, queue.lease(worker).orElseThrow().job().id));
        assertTrue(queue.lease(worker).isEmpty());
    }

    @Test
    void anExpiredLeaseIsLeasedAgainAndTheOldHolderIsRefused() {
        clock.pin(T0);
        Course course = course();
        long job = queue.enqueue(1, course.assignment(), course.team(), JobReason.SUBMISSION, null, 0).id;
        GradingQueue.Lease first = queue.lease(course.worker("slow")).orElseThrow();
        assertEquals(T0.plus(LEASE), first.job().leaseExpiresAt);

        clock.advance(LEASE.minusSeconds(1));
        assertTrue(queue.lease(course.worker("eager")).isEmpty(), "a lease holds until its last second");
        clock.advance(Duration.ofSeconds(1));
        GradingQueue.Lease second = queue.lease(course.worker("eager")).orElseThrow();
        assertEquals(job, second.job().id);
        assertEquals(2, second.attempt().attempt);

        WebApplicationException late = assertThrows(WebApplicationException.class,
                () -> queue.complete(first.attempt().leaseId, course.worker("slow"), result()));
        assertEquals(409, late.getResponse().getStatus());
        assertEquals("Lease " + first.attempt().leaseId + " has expired and job " + job + " was leased again; its"
                + " result was not stored. Stop grading this job.", late.getMessage());
        assertEquals(409, assertThrows(WebApplicationException.class, () -> queue.heartbeat(first.attempt().leaseId,
                course.worker("slow"))).getResponse().getStatus());
        GradingAttempt expired = fixtures.inTransaction(() -> GradingAttempt.findById(first.attempt().leaseId));
        assertEquals(AttemptOutcome.EXPIRED, expired.outcome);
        assertEquals(T0.plus(LEASE), expired.endedAt);
    }

    @Test
    void aServerStartingAgainOnItsMachineQueuesAgainTheJobsItsOwnWorkerHeldAndNoOthers() {
        clock.pin(T0);
        Course course = course();
        long crashed = queue.enqueue(1, course.assignment(), course.team(), JobReason.SUBMISSION, null, 0).id;
        long elsewhere = queue.enqueue(2, course.assignment(), course.team(), JobReason.SUBMISSION, null, 0).id;
        // The server's own workers, held to this course: the shared database has other tests' jobs queued.
        LeaseHolder here = new LeaseHolder(null, LeaseHolder.inProcess("host-a").owner(), course.id());
        GradingQueue.Lease died = queue.lease(here).orElseThrow();
        assertEquals(crashed, died.job().id);
        LeaseHolder there = new LeaseHolder(null, LeaseHolder.inProcess("host-b").owner(), course.id());
        assertEquals(elsewhere, queue.lease(there).orElseThrow().job().id);

        clock.advance(Duration.ofSeconds(30));
        assertEquals(1, queue.expireLeasesOf(LeaseHolder.inProcess("host-a")), "the lease of the server that died on"
                + " host-a");
        GradingQueue.Lease again = queue.lease(here).orElseThrow();
        assertEquals(crashed, again.job().id, "leasable at once, not when the lease would have expired");
        assertEquals(2, again.job().attempts);
        assertTrue(queue.lease(here).isEmpty(), "host-b's server still grades its job");
        assertThrows(WebApplicationException.class, () -> queue.heartbeat(died.attempt().leaseId, here),
                "the dead worker's lease has ended");
    }

    @Test
    void aResultForAnExpiredLeaseNobodyTookIsStillStored() {
        clock.pin(T0);
        Course course = course();
        queue.enqueue(1, course.assignment(), course.team(), JobReason.SUBMISSION, null, 0);
        GradingQueue.Lease lease = queue.lease(course.worker("w")).orElseThrow();
        clock.advance(LEASE.plusMinutes(5));
        assertTrue(queue.complete(lease.attempt().leaseId, course.worker("w"), result()).created());
    }

    @Test
    void aHeartbeatExtendsTheLeaseFromNow() {
        clock.pin(T0);
        Course course = course();
        queue.enqueue(1, course.assignment(), course.team(), JobReason.SUBMISSION, null, 0);
        GradingQueue.Lease lease = queue.lease(course.worker("w")).orElseThrow();
        clock.advance(Duration.ofMinutes(9));
        assertEquals(T0.plus(Duration.ofMinutes(19)), queue.heartbeat(lease.attempt().leaseId, course.worker("w"))
                .leaseExpiresAt());
        clock.advance(Duration.ofMinutes(9));
        assertTrue(queue.lease(course.worker("other")).isEmpty(), "the heartbeat kept the lease past its first expiry");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(lease.job().id, queue.lease(course.worker("other")).orElseThrow().job().id);
    }

    @Test
    void failuresRequeueUntilTheAttemptsAreUsedUp() {
        clock.pin(T0);
        Course course = course();
        long job = queue.enqueue(1, course.assignment(), course.team(), JobReason.SUBMISSION, null, 0).id;
        for (int attempt = 1; attempt <= 2; attempt++) {
            GradingQueue.Lease lease = queue.lease(course.worker("w")).orElseThrow();
            GradingJob after = queue.fail(lease.attempt().leaseId, course.worker("w"), "Out of GPU memory.", "trace",
                    true);
            assertEquals(JobState.QUEUED, after.state, "after attempt " + attempt);
            assertEquals("Out of GPU memory.", after.lastError);
        }
        GradingQueue.Lease last = queue.lease(course.worker("w")).orElseThrow();
        GradingJob failed = queue.fail(last.attempt().leaseId, course.worker("w"), "Out of GPU memory.", null, true);
        assertEquals(JobState.FAILED, failed.state);
        assertEquals("Automatic grading gave up after 3 attempts: Out of GPU memory. A TA will grade your submission.",
                failed.lastError);
        assertEquals(T0, failed.finishedAt);
        assertTrue(queue.lease(course.worker("w")).isEmpty());
        assertEquals(3L, fixtures.inTransaction(() -> GradingAttempt.count("jobId = ?1 and outcome = ?2", job,
                AttemptOutcome.FAILURE)));
    }

    @Test
    void workersThatStopAnsweringUseUpTheAttemptsToo() {
        clock.pin(T0);
        Course course = course();
        long job = queue.enqueue(1, course.assignment(), course.team(), JobReason.SUBMISSION, null, 0).id;
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertEquals(attempt, queue.lease(course.worker("crashing")).orElseThrow().attempt().attempt);
            clock.advance(LEASE);
        }
        assertTrue(queue.lease(course.worker("crashing")).isEmpty(), "the job failed instead of a fourth lease");
        GradingJob failed = fixtures.inTransaction(() -> GradingJob.findById(job));
        assertEquals(JobState.FAILED, failed.state);
        assertTrue(failed.lastError.startsWith("Automatic grading gave up after 3 attempts: the grader stopped"
                + " answering"), failed.lastError);
    }

    @Test
    void aFailureThatCannotBeRetriedFailsAtOnce() {
        Course course = course();
        queue.enqueue(1, course.assignment(), course.team(), JobReason.SUBMISSION, null, 0);
        GradingQueue.Lease lease = queue.lease(course.worker("w")).orElseThrow();
        GradingJob failed = queue.fail(lease.attempt().leaseId, course.worker("w"), "The submission has no Main.java.",
                null, false);
        assertEquals(JobState.FAILED, failed.state);
        assertEquals(1, failed.attempts);
    }

    @Test
    void theSameResultPostedTwiceIsStoredOnce() {
        Course course = course();
        long job = queue.enqueue(1, course.assignment(), course.team(), JobReason.SUBMISSION, null, 0).id;
        GradingQueue.Lease lease = queue.lease(course.worker("w")).orElseThrow();
        GradingQueue.Stored first = queue.complete(lease.attempt().leaseId, course.worker("w"), result());
        GradingQueue.Stored again = queue.complete(lease.attempt().leaseId, course.worker("w"), result());
        assertTrue(first.created());
        assertEquals(false, again.created());
        assertEquals(first.result().id(), again.result().id());
        assertEquals(1L, fixtures.inTransaction(() -> GradingResult.count("jobId", job)));
        GradingJob done = fixtures.inTransaction(() -> GradingJob.findById(job));
        assertEquals(JobState.DONE, done.state);
        assertNull(done.leaseId);
    }

    @Test
    void concurrentPostsOfOneResultStoreItOnce() throws Exception {
        Course course = course();
        long job = queue.enqueue(1, course.assignment(), course.team(), JobReason.SUBMISSION, null, 0).id;
        GradingQueue.Lease lease = queue.lease(course.worker("w")).orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Boolean>> posts = Collections.nCopies(4,
                () -> queue.complete(lease.attempt().leaseId, course.worker("w"), result()).created());
        Map<Boolean, Integer> created = new TreeMap<>();
        for (Future<Boolean> post : pool.invokeAll(posts)) {
            created.merge(post.get(), 1, Integer::sum);
        }
        pool.shutdown();
        assertEquals(Map.of(false, 3, true, 1), created);
        assertEquals(1L, fixtures.inTransaction(() -> GradingResult.count("jobId", job)));
    }

    private static ResultRequest result() {
        return new ResultRequest("Your program compiled.", List.of(
                new ResultItemRequest("report", Verdict.PASSED, new BigDecimal("2"), "Found.", Visibility.VISIBLE),
                new ResultItemRequest("heldout", Verdict.NEEDS_REVIEW, null, "A TA scores this item.",
                        Visibility.AFTER_DUE)), "log");
    }
}
