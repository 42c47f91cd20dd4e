package org.backprop.grader.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.backprop.grader.pipeline.GradingTask;
import org.backprop.grader.result.GradingReport;
import org.backprop.grader.sandbox.SandboxReadiness;
import org.backprop.grader.worker.wire.FailureRequest;
import org.backprop.grader.worker.wire.LeasedJob;
import org.backprop.grader.worker.wire.ResultRequest;
import org.backprop.grader.worker.wire.RunLimitsView;
import org.junit.jupiter.api.Test;

/**
 * The loop's answers to what a queue can say, against a queue kept in memory: results posted once even after
 * errors, a lease that ends stops its grading, shutdown gives back what cannot finish, a refused worker stops.
 * The server's tests run the same loop against the real queue, in process and over HTTP.
 */
class GradingLoopTest {
    private static final GradingReport REPORT = new GradingReport("Graded.", List.of(), "");
    private static final SandboxReadiness READY = new SandboxReadiness(true, "ready");

    /** A queue in memory that records every call; {@code heartbeat} and {@code complete} fail as told. */
    private static final class Queue implements JobSource {
        final Deque<LeasedJob> waiting = new ArrayDeque<>();
        final List<String> calls = new ArrayList<>();
        volatile RuntimeException heartbeatAnswer;
        volatile int completeErrors;
        volatile RuntimeException leaseAnswer;

        synchronized void add(LeasedJob job) {
            waiting.add(job);
        }

        @Override
        public synchronized Optional<LeasedJob> lease() {
            if (leaseAnswer != null) {
                throw leaseAnswer;
            }
            return Optional.ofNullable(waiting.poll());
        }

        @Override
        public void heartbeat(UUID leaseId) {
            record("heartbeat " + leaseId);
            if (heartbeatAnswer != null) {
                throw heartbeatAnswer;
            }
        }

        @Override
        public void complete(UUID leaseId, ResultRequest result) {
            record("complete " + leaseId + " " + result.summary());
            if (completeErrors > 0) {
                completeErrors--;
                throw new IllegalStateException("connection reset");
            }
        }

        @Override
        public void fail(UUID leaseId, FailureRequest failure) {
            record("fail " + leaseId + " " + failure.message() + " retry=" + failure.retry());
        }

        synchronized void record(String call) {
            calls.add(call);
        }

        synchronized List<String> calls(String prefix) {
            return calls.stream().filter(call -> call.startsWith(prefix)).toList();
        }
    }

    private static LeasedJob job(UUID leaseId) {
        return new LeasedJob(leaseId, 1, 2, 3, 4, 1, Instant.now().plusSeconds(30), 1, "Main", Map.of(), "", 0,
                List.of(), "", List.of(), List.of(), new RunLimitsView(60, 60, 1024, 512, 64), List.of(), List.of(),
                List.of(), Map.of());
    }

    private static GradingLoop loop(Queue queue, Function<GradingTask, GradingReport> pipeline) {
        return new GradingLoop(queue, sha256 -> Path.of("/nonexistent", sha256), pipeline, () -> READY,
                new GradingLoop.Settings(1, Duration.ofMillis(20), Duration.ofMillis(10)));
    }

    /** A pipeline that waits until interrupted (the loop calls it off) or {@code release} opens. */
    private static Function<GradingTask, GradingReport> blocking(CountDownLatch started, CountDownLatch release) {
        return task -> {
            started.countDown();
            try {
                release.await();
                return REPORT;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new GradingReport("Interrupted.", List.of(), "");
            }
        };
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited 10 s for " + what);
            Thread.sleep(10);
        }
    }

    @Test
    void postsTheResultAgainAfterErrorsUntilItIsStored() throws Exception {
        Queue queue = new Queue();
        UUID lease = UUID.randomUUID();
        queue.add(job(lease));
        queue.completeErrors = 2;
        GradingLoop loop = loop(queue, task -> REPORT);
        loop.start();
        await("the result", () -> queue.calls("complete").size() == 3);
        loop.shutdown(Duration.ofSeconds(5));
        assertEquals(List.of("complete " + lease + " Graded.", "complete " + lease + " Graded.",
                "complete " + lease + " Graded."), queue.calls("complete"));
        assertEquals(List.of(), queue.calls("fail"));
    }

    @Test
    void aLeaseThatEndsStopsItsGradingAndNothingIsPosted() throws Exception {
        Queue queue = new Queue();
        UUID lease = UUID.randomUUID();
        queue.add(job(lease));
        queue.heartbeatAnswer = new LeaseEndedException("Lease has expired and job 1 was leased again");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        GradingLoop loop = loop(queue, blocking(started, never));
        loop.start();
        assertTrue(started.await(10, TimeUnit.SECONDS));
        // The first heartbeat (after a second) is answered "ended"; the pipeline is interrupted and its report dropped.
        await("the slot to be free again", () -> queue.calls("heartbeat").size() >= 1);
        Thread.sleep(300);
        loop.shutdown(Duration.ofSeconds(5));
        assertEquals(List.of(), queue.calls("complete"));
        assertEquals(List.of(), queue.calls("fail"));
        assertEquals(1, queue.calls("heartbeat").size(), "heartbeats after the lease ended");
    }

    @Test
    void shutdownLetsAJobFinishWithinTheGracePeriod() throws Exception {
        Queue queue = new Queue();
        UUID lease = UUID.randomUUID();
        queue.add(job(lease));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GradingLoop loop = loop(queue, blocking(started, release));
        loop.start();
        assertTrue(started.await(10, TimeUnit.SECONDS));
        queue.add(job(UUID.randomUUID()));
        new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        }).start();
        loop.shutdown(Duration.ofSeconds(10));
        assertEquals(List.of("complete " + lease + " Graded."), queue.calls("complete"));
        assertEquals(1, queue.waiting.size(), "jobs leased after the shutdown began");
    }

    @Test
    void shutdownGivesBackAJobThatCannotFinishInTime() throws Exception {
        Queue queue = new Queue();
        UUID lease = UUID.randomUUID();
        queue.add(job(lease));
        CountDownLatch started = new CountDownLatch(1);
        GradingLoop loop = loop(queue, blocking(started, new CountDownLatch(1)));
        loop.start();
        assertTrue(started.await(10, TimeUnit.SECONDS));
        loop.shutdown(Duration.ofMillis(100));
        assertEquals(List.of("fail " + lease + " " + GradingLoop.GIVEN_BACK + " retry=true"), queue.calls("fail"));
        assertEquals(List.of(), queue.calls("complete"));
    }

    @Test
    void aRefusedWorkerStopsAndSaysWhy() throws Exception {
        Queue queue = new Queue();
        queue.leaseAnswer = new WorkerRevokedException("The server refused the worker token (401): revoked");
        GradingLoop loop = loop(queue, task -> REPORT);
        loop.start();
        assertTrue(stopsWithin(loop, Duration.ofSeconds(10)), "the loop stopped");
        assertEquals(Optional.of("The server refused the worker token (401): revoked"), loop.refusal());
    }

    private static boolean stopsWithin(GradingLoop loop, Duration patience) throws InterruptedException {
        Thread waiter = new Thread(() -> {
            try {
                loop.awaitStopped();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        waiter.join(patience.toMillis());
        return !waiter.isAlive();
    }
}
