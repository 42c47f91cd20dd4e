package org.backprop.server.grading;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.backprop.grader.heldout.HiddenSplits;
import org.backprop.grader.pipeline.GradingPipeline;
import org.backprop.grader.pipeline.GradingTask;
import org.backprop.grader.result.GradedItem;
import org.backprop.grader.result.GradingReport;
import org.backprop.grader.sandbox.NodeSandbox;
import org.backprop.grader.sandbox.RunDatasets;
import org.backprop.grader.sandbox.SandboxReadiness;
import org.backprop.server.dataset.DatasetStore;
import org.jboss.logging.Logger;

/**
 * The server's own grading worker for the single-machine default: threads that lease jobs through the same
 * queue as remote workers, grade them with the grader's pipeline, and post the result. A lease is kept alive
 * by heartbeats while the pipeline runs; anything that goes wrong is reported as the job's failure.
 */
@ApplicationScoped
public class InProcessWorker {
    private static final Logger LOG = Logger.getLogger(InProcessWorker.class);

    @Inject
    GradingConfig config;

    @Inject
    WorkerService workers;

    @Inject
    GradingQueue queue;

    @Inject
    GradingPipeline pipeline;

    @Inject
    NodeSandbox sandbox;

    @Inject
    DatasetStore datasetStore;

    private ExecutorService threads;
    private volatile boolean running;

    void start(@Observes StartupEvent startup) {
        if (!config.inProcess().enabled()) {
            return;
        }
        running = true;
        int count = config.inProcess().workers();
        threads = Executors.newFixedThreadPool(2 * count, runnable -> {
            Thread thread = new Thread(runnable, "in-process-grader");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 1; i <= count; i++) {
            LeaseHolder holder = LeaseHolder.inProcess(i);
            threads.submit(() -> loop(holder));
        }
        SandboxReadiness readiness = sandbox.readiness();
        if (readiness.ready()) {
            LOG.infof("Grading %d job(s) at a time in process", count);
        } else {
            LOG.errorf("Grading is paused until the sandbox works; jobs wait in the queue: %s", readiness.detail());
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (threads != null) {
            threads.shutdownNow();
        }
    }

    private void loop(LeaseHolder holder) {
        while (running) {
            try {
                if (!gradeNext(holder)) {
                    Thread.sleep(config.inProcess().pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The queue reported what it could; the loop must outlive a bad job or a database hiccup.
                LOG.error("The in-process grader hit an error; it carries on", e);
                sleepQuietly();
            }
        }
    }

    /** Leases and grades one job; returns false when none waited or the sandbox cannot run programs. */
    boolean gradeNext(LeaseHolder holder) {
        // Jobs stay queued rather than fail for the operator's problem; readiness tells the operator.
        if (!sandbox.readiness().ready()) {
            return false;
        }
        Optional<LeasedJob> leased = workers.lease(holder);
        if (leased.isEmpty()) {
            return false;
        }
        LeasedJob job = leased.get();
        var heartbeat = threads.submit(() -> keepAlive(job, holder));
        try {
            GradingReport report = pipeline.grade(new GradingTask(job.mainClass(), job.files(),
                    job.claims().stream().map(ClaimView::toClaimedRun).toList(), job.report(), job.teamMembers(),
                    job.rubric().stream().map(WorkerRubricItem::toRubricItem).toList(),
                    job.limits().toRunLimits(), datasets(job), job.contentHash(), job.rerunVariants(),
                    new HiddenSplits(job.hiddenSplits().stream().map(split -> split.toHiddenSplit(datasetStore::shard))
                            .toList()), job.hiddenTests()));
            heartbeat.cancel(true);
            queue.complete(job.leaseId(), holder, request(report));
        } catch (RuntimeException e) {
            heartbeat.cancel(true);
            LOG.errorf(e, "Grading job %d failed", job.jobId());
            queue.fail(job.leaseId(), holder, "The grader failed on the server's side.", e.toString(), true);
        }
        return true;
    }

    /** Returns the job's datasets with their shards read straight from the server's store. */
    private RunDatasets datasets(LeasedJob job) {
        // A remote worker would fetch these shards over HTTP into a store of its own instead (issue 17).
        return new RunDatasets(job.datasets().stream().map(JobDataset::toManifest).toList(), datasetStore::shard);
    }

    private void keepAlive(LeasedJob job, LeaseHolder holder) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(job.heartbeatSeconds() * 1000);
                queue.heartbeat(job.leaseId(), holder);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf("Lost the lease on grading job %d: %s", job.jobId(), e.getMessage());
        }
    }

    private static ResultRequest request(GradingReport report) {
        List<ResultItemRequest> items = new ArrayList<>();
        for (GradedItem item : report.items()) {
            items.add(new ResultItemRequest(item.key(), item.verdict(), item.points() == null ? null
                    : BigDecimal.valueOf(item.points()), item.message(), item.visibility()));
        }
        return new ResultRequest(report.summary(), items, report.logs());
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(config.inProcess().pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
