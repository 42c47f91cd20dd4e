package org.backprop.grader.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.backprop.grader.pipeline.GradingTask;
import org.backprop.grader.result.GradingReport;
import org.backprop.grader.sandbox.SandboxReadiness;
import org.backprop.grader.worker.wire.FailureRequest;
import org.backprop.grader.worker.wire.LeasedJob;
import org.backprop.grader.worker.wire.ResultRequest;

/**
 * A grading worker's loop, the same for the server's own worker and a remote one: each slot leases a job from its
 * {@link JobSource}, fetches the shards it reads, grades it with the pipeline and posts the result, while heartbeats
 * keep the lease. A lease that ends under it (409) stops that job's grading and its result is dropped; a refused
 * worker ({@link WorkerRevokedException}) stops every slot; {@link #shutdown} stops leasing, lets running jobs finish
 * within a grace period and gives the others back to the queue. Results and failure reports are retried on errors
 * that may pass, which is safe because the queue stores a lease's result once.
 *
 * <p>Thread-safe.
 */
public final class GradingLoop {
    private static final System.Logger LOG = System.getLogger(GradingLoop.class.getName());
    /** What the student reads while a job given back at shutdown waits for its next attempt. */
    public static final String GIVEN_BACK = "The grading machine was stopped before it finished; your submission is"
            + " graded again.";
    /** How many times a result or failure report is posted before the lease is left to expire instead. */
    private static final int DELIVERY_ATTEMPTS = 20;
    /** The same for giving a job back at shutdown, which must not hold the shutdown up for long. */
    private static final int GIVE_BACK_ATTEMPTS = 3;
    /** How long the slots get to return after their jobs were given back or the worker was refused. */
    private static final Duration LAST_WAIT = Duration.ofSeconds(30);

    /**
     * How a loop runs: {@code slots} jobs at once, an idle slot looks at the queue again after {@code pollInterval},
     * and a call that failed for a reason that may pass is tried again after {@code retryPause} (growing with each
     * try).
     */
    public record Settings(int slots, Duration pollInterval, Duration retryPause) {
        public Settings {
            if (slots < 1) {
                throw new IllegalArgumentException("slots must be at least 1, got " + slots);
            }
            if (pollInterval == null || pollInterval.isNegative() || retryPause == null || retryPause.isNegative()) {
                throw new IllegalArgumentException("pollInterval and retryPause must be durations of 0 or more");
            }
        }
    }

    private enum State { RUNNING, FINISHING, ABANDONED }

    /** One job being graded by one slot. */
    private static final class Grading {
        final LeasedJob job;
        final Thread slot;
        final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
        volatile ScheduledFuture<?> heartbeat;

        Grading(LeasedJob job, Thread slot) {
            this.job = job;
            this.slot = slot;
        }
    }

    private final JobSource source;
    private final ShardSource shards;
    private final Function<GradingTask, GradingReport> pipeline;
    private final Supplier<SandboxReadiness> readiness;
    private final Settings settings;
    private final ScheduledExecutorService heartbeats;
    private final Set<Grading> running = ConcurrentHashMap.newKeySet();
    private final List<Thread> slots = new ArrayList<>();
    private final CountDownLatch stopped;
    /** Opened when the loop stops, so that idle slots stop waiting at once. */
    private final CountDownLatch wake = new CountDownLatch(1);
    private volatile boolean leasing;
    private volatile String refusal;

    /**
     * Returns a loop that grades jobs of {@code source} with {@code pipeline} (the grading pipeline's {@code grade}),
     * reading shards from {@code shards}, and leases only while {@code readiness} says the sandbox can run programs.
     */
    public GradingLoop(JobSource source, ShardSource shards, Function<GradingTask, GradingReport> pipeline,
            Supplier<SandboxReadiness> readiness, Settings settings) {
        this.source = source;
        this.shards = shards;
        this.pipeline = pipeline;
        this.readiness = readiness;
        this.settings = settings;
        this.stopped = new CountDownLatch(settings.slots());
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable,
                "grading-heartbeats"));
    }

    /** Starts the slots. */
    public synchronized void start() {
        if (!slots.isEmpty()) {
            throw new IllegalStateException("This grading loop has started already");
        }
        leasing = true;
        for (int i = 1; i <= settings.slots(); i++) {
            Thread slot = daemon(this::slot, "grading-slot-" + i);
            slots.add(slot);
            slot.start();
        }
    }

    /**
     * Stops leasing, waits up to {@code grace} for the jobs being graded to finish, then gives the rest back to the
     * queue (a failure to be retried, so the job is leased again at once) and waits for the slots to return.
     */
    public void shutdown(Duration grace) throws InterruptedException {
        leasing = false;
        wake.countDown();
        if (!stopped.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            for (Grading grading : running) {
                giveBack(grading);
            }
            stopped.await(LAST_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
        heartbeats.shutdownNow();
    }

    /** Waits until every slot has stopped: after {@link #shutdown} or when the server refused this worker. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    /** Returns why the server refused this worker, if it did; the loop has then stopped. */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    private void slot() {
        try {
            while (leasing) {
                try {
                    if (!readiness.get().ready()) {
                        // Jobs stay queued rather than fail for the operator's problem; readiness tells the operator.
                        pause(settings.pollInterval());
                        continue;
                    }
                    Optional<LeasedJob> job = source.lease();
                    if (job.isPresent()) {
                        grade(job.get());
                    } else {
                        pause(settings.pollInterval());
                    }
                } catch (WorkerRevokedException e) {
                    refuse(e.getMessage());
                } catch (InterruptedException e) {
                    // Only stopping interrupts an idle slot; the loop's condition says whether to go on.
                    Thread.interrupted();
                } catch (RuntimeException e) {
                    // The slot must outlive a network error or a database hiccup.
                    LOG.log(System.Logger.Level.WARNING, "Could not lease a grading job ({0}); trying again",
                            e.toString());
                    pauseQuietly(settings.retryPause());
                }
            }
        } finally {
            stopped.countDown();
        }
    }

    private void grade(LeasedJob job) {
        Grading grading = new Grading(job, Thread.currentThread());
        running.add(grading);
        long every = Math.max(1, job.heartbeatSeconds());
        grading.heartbeat = heartbeats.scheduleWithFixedDelay(() -> beat(grading), every, every, TimeUnit.SECONDS);
        // Ids as text: MessageFormat would group their digits.
        LOG.log(System.Logger.Level.INFO, "Grading job {0} (submission {1}, attempt {2})",
                String.valueOf(job.jobId()), String.valueOf(job.submissionId()), job.attempt());
        try {
            ResultRequest result;
            try {
                for (String sha256 : LeasedJobs.shards(job)) {
                    shards.shard(sha256);
                }
                result = LeasedJobs.result(pipeline.apply(LeasedJobs.task(job, shards)));
            } catch (WorkerRevokedException e) {
                refuse(e.getMessage());
                return;
            } catch (IOException | UncheckedIOException e) {
                finish(grading, () -> source.fail(job.leaseId(), new FailureRequest("The grader could not fetch the"
                        + " assignment's datasets.", e.toString(), true)));
                return;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "Grading job " + job.jobId() + " failed", e);
                finish(grading, () -> source.fail(job.leaseId(), new FailureRequest("The grader failed on the"
                        + " server's side.", e.toString(), true)));
                return;
            }
            finish(grading, () -> source.complete(job.leaseId(), result));
        } finally {
            grading.heartbeat.cancel(false);
            running.remove(grading);
            // An interrupt meant for this job must not reach the next one.
            Thread.interrupted();
        }
    }

    /** Delivers the job's outcome unless its lease ended or it was given back meanwhile. */
    private void finish(Grading grading, Runnable delivery) {
        if (!grading.state.compareAndSet(State.RUNNING, State.FINISHING)) {
            LOG.log(System.Logger.Level.INFO, "Dropped what grading job {0} found: its lease has ended",
                    String.valueOf(grading.job.jobId()));
            return;
        }
        Thread.interrupted();
        deliver(grading.job, delivery, DELIVERY_ATTEMPTS);
    }

    private void deliver(LeasedJob job, Runnable delivery, int attempts) {
        for (int attempt = 1; ; attempt++) {
            try {
                delivery.run();
                LOG.log(System.Logger.Level.INFO, "Finished grading job {0}", String.valueOf(job.jobId()));
                return;
            } catch (LeaseEndedException e) {
                LOG.log(System.Logger.Level.WARNING, "Job {0} was not stored: {1}", String.valueOf(job.jobId()),
                        e.getMessage());
                return;
            } catch (WorkerRevokedException e) {
                refuse(e.getMessage());
                return;
            } catch (RuntimeException e) {
                if (refusal != null || attempt == attempts) {
                    LOG.log(System.Logger.Level.ERROR, "Gave up posting job " + job.jobId() + "; its lease will"
                            + " expire and the job be leased again", e);
                    return;
                }
                LOG.log(System.Logger.Level.WARNING, "Could not post job " + job.jobId() + " (try " + attempt
                        + "); trying again", e);
                try {
                    // Not cut short at shutdown: the server may be the one restarting.
                    Thread.sleep(settings.retryPause().multipliedBy(Math.min(attempt, 10)).toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void beat(Grading grading) {
        try {
            source.heartbeat(grading.job.leaseId());
        } catch (LeaseEndedException e) {
            if (grading.state.compareAndSet(State.RUNNING, State.ABANDONED)) {
                LOG.log(System.Logger.Level.WARNING, "Stopped grading job {0}: {1}",
                        String.valueOf(grading.job.jobId()), e.getMessage());
                grading.slot.interrupt();
            }
        } catch (WorkerRevokedException e) {
            refuse(e.getMessage());
        } catch (RuntimeException e) {
            // The next beat tries again; the lease lasts several heartbeat periods.
            LOG.log(System.Logger.Level.WARNING, "A heartbeat for job " + grading.job.jobId() + " failed", e);
        }
    }

    /** Gives a job back to the queue at shutdown: stops its grading and reports a failure to be retried. */
    private void giveBack(Grading grading) {
        if (grading.state.compareAndSet(State.RUNNING, State.ABANDONED)) {
            grading.slot.interrupt();
            LOG.log(System.Logger.Level.WARNING, "Giving job {0} back to the queue: the grace period is over",
                    String.valueOf(grading.job.jobId()));
            deliver(grading.job, () -> source.fail(grading.job.leaseId(), new FailureRequest(GIVEN_BACK,
                    "The worker was stopped before the job finished.", true)), GIVE_BACK_ATTEMPTS);
        }
    }

    /** Stops every slot: the server no longer accepts this worker, so nothing it grades could be stored. */
    private void refuse(String reason) {
        synchronized (this) {
            if (refusal != null) {
                return;
            }
            refusal = reason;
            leasing = false;
        }
        wake.countDown();
        LOG.log(System.Logger.Level.ERROR, "The server refused this worker; stopping: {0}", reason);
        for (Grading grading : running) {
            if (grading.state.compareAndSet(State.RUNNING, State.ABANDONED)) {
                grading.slot.interrupt();
            }
        }
        for (Thread slot : slots) {
            if (slot != Thread.currentThread()) {
                slot.interrupt();
            }
        }
    }

    /** Waits for {@code duration}, or less when the loop stops. */
    private void pause(Duration duration) throws InterruptedException {
        wake.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Pauses; returns false when interrupted, with the interrupt kept. */
    private boolean pauseQuietly(Duration duration) {
        try {
            pause(duration);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
