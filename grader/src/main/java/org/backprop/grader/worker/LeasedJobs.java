package org.backprop.grader.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.backprop.grader.heldout.HiddenSplits;
import org.backprop.grader.pipeline.GradingTask;
import org.backprop.grader.result.GradedItem;
import org.backprop.grader.result.GradingReport;
import org.backprop.grader.sandbox.RunDatasets;
import org.backprop.grader.worker.wire.ClaimView;
import org.backprop.grader.worker.wire.HiddenSplitView;
import org.backprop.grader.worker.wire.JobDataset;
import org.backprop.grader.worker.wire.LeasedJob;
import org.backprop.grader.worker.wire.ResultItemRequest;
import org.backprop.grader.worker.wire.ResultRequest;
import org.backprop.grader.worker.wire.WorkerRubricItem;
import org.backprop.nn.data.store.PretrainedRef;

/** Translates between the worker API's records and the grading pipeline's: a leased job in, a result out. */
public final class LeasedJobs {
    private LeasedJobs() {
    }

    /** Returns the pipeline's task for {@code job}, reading every shard and pretrained model from {@code shards}. */
    public static GradingTask task(LeasedJob job, ShardSource shards) {
        RunDatasets datasets = new RunDatasets(job.datasets().stream().map(JobDataset::toManifest).toList(),
                job.pretrained(), sha256 -> {
                    try {
                        return shards.shard(sha256);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        return new GradingTask(job.mainClass(), job.files(),
                job.claims().stream().map(ClaimView::toClaimedRun).toList(), job.report(), job.teamMembers(),
                job.rubric().stream().map(WorkerRubricItem::toRubricItem).toList(),
                job.limits().toRunLimits(), datasets, job.contentHash(), job.rerunVariants(),
                new HiddenSplits(job.hiddenSplits().stream().map(split -> split.toHiddenSplit(shards::shard)).toList()),
                job.hiddenTests());
    }

    /**
     * Returns the SHA-256 of every shard grading {@code job} may read: its datasets' visible splits and hidden ones,
     * and its pretrained models' bytes.
     */
    public static Set<String> shards(LeasedJob job) {
        return shards(job.datasets(), job.hiddenSplits(), job.pretrained());
    }

    /**
     * Returns the SHA-256 of every shard of the visible splits of {@code datasets} and of {@code hiddenSplits}, and of
     * the bytes of {@code pretrained}.
     */
    public static Set<String> shards(List<JobDataset> datasets, List<HiddenSplitView> hiddenSplits,
            List<PretrainedRef> pretrained) {
        Set<String> shards = new LinkedHashSet<>(new RunDatasets(datasets.stream().map(JobDataset::toManifest).toList(),
                RunDatasets.NONE.shardFiles()).visibleShards());
        for (HiddenSplitView split : hiddenSplits) {
            shards.addAll(split.shards());
        }
        for (PretrainedRef model : pretrained) {
            shards.add(model.sha256());
        }
        return shards;
    }

    /** Returns the worker API's form of a pipeline report. */
    public static ResultRequest result(GradingReport report) {
        return new ResultRequest(report.summary(), report.items().stream().map(LeasedJobs::item).toList(),
                report.logs());
    }

    private static ResultItemRequest item(GradedItem item) {
        return new ResultItemRequest(item.key(), item.verdict(),
                item.points() == null ? null : BigDecimal.valueOf(item.points()), item.message(), item.visibility());
    }
}
