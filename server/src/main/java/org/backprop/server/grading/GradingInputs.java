package org.backprop.server.grading;

import java.util.List;
import java.util.Map;
import org.backprop.grader.compile.SourceBundle;
import org.backprop.grader.pipeline.ClaimedRun;
import org.backprop.grader.pipeline.RubricItem;
import org.backprop.grader.worker.wire.HiddenSplitView;
import org.backprop.grader.worker.wire.JobDataset;
import org.backprop.nn.data.store.PretrainedRef;

/**
 * Reads what a grading job needs from where submissions and assignments are kept. Calls run inside a
 * transaction; each fails with an exception when the submission or assignment is unknown.
 */
public interface GradingInputs {
    /** Returns the submitted program: its main class and Java files. */
    SourceBundle sources(long submissionId);

    /**
     * Returns the runs the submission hands in from the team's experiment log, in the order named: each record as
     * {@code nn}'s RunRecordJson reads it, the display name of the member who ran it, and the source hash it claims.
     */
    List<ClaimedRun> claimedRuns(long submissionId);

    /** Returns the submitted report in Markdown; empty when there is none. */
    String report(long submissionId);

    /** Returns the assignment's rubric items with their checks' parameters, hidden ones included. */
    List<RubricItem> rubric(long assignmentId);

    /**
     * Returns the datasets the assignment's program may load: each entry of its {@code datasets:} that resolves to
     * one of the course's imports, in the students' view; entries that resolve to none are left out.
     */
    List<JobDataset> datasets(long assignmentId);

    /**
     * Returns the pretrained models the assignment's program may load: each entry of its {@code pretrained:} that
     * resolves to one of the course's published models (by name, and version when the entry gives one, else the
     * newest); entries that resolve to none are left out.
     */
    List<PretrainedRef> pretrained(long assignmentId);

    /** Returns the submission's content hash (hex), which seeds which handed-in variants the grader re-runs. */
    String contentHash(long submissionId);

    /** Returns the assignment's re-run budget: how many ablation variants are trained again besides the baselines. */
    int rerunVariants(long assignmentId);

    /** Returns the hidden splits of the assignment's datasets, for held-out evaluation (workers only). */
    List<HiddenSplitView> hiddenSplits(long assignmentId);

    /**
     * Returns the hidden test sources of the assignment's {@code tests} items by path in its folder (workers only);
     * empty when it has none.
     */
    Map<String, String> hiddenTests(long assignmentId);
}
