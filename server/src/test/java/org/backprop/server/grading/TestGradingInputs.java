package org.backprop.server.grading;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.backprop.grader.compile.SourceBundle;
import org.backprop.grader.pipeline.ClaimedRun;
import org.backprop.grader.pipeline.GradingTask;
import org.backprop.grader.pipeline.RubricItem;
import org.backprop.grader.worker.wire.HiddenSplitView;
import org.backprop.grader.worker.wire.JobDataset;
import org.backprop.nn.data.store.PretrainedRef;

/**
 * Submissions and rubrics as tests register them, with made-up ids, in front of the submission store: ids no
 * test registered are read from the store.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestGradingInputs implements GradingInputs {
    @Inject
    StoredGradingInputs stored;

    /** What a team handed in: sources, the runs it claims, and the report. */
    public record Material(SourceBundle sources, List<ClaimedRun> claims, String report) {
    }

    private final Map<Long, Material> submissions = new ConcurrentHashMap<>();
    private final Map<Long, List<RubricItem>> rubrics = new ConcurrentHashMap<>();
    private final Map<Long, Map<String, String>> hiddenTests = new ConcurrentHashMap<>();

    void submission(long submissionId, Material material) {
        submissions.put(submissionId, material);
    }

    void rubric(long assignmentId, List<RubricItem> items) {
        rubrics.put(assignmentId, List.copyOf(items));
    }

    @Override
    public SourceBundle sources(long submissionId) {
        Material material = submissions.get(submissionId);
        return material == null ? stored.sources(submissionId) : material.sources();
    }

    @Override
    public List<ClaimedRun> claimedRuns(long submissionId) {
        Material material = submissions.get(submissionId);
        return material == null ? stored.claimedRuns(submissionId) : material.claims();
    }

    @Override
    public String report(long submissionId) {
        Material material = submissions.get(submissionId);
        return material == null ? stored.report(submissionId) : material.report();
    }

    @Override
    public List<RubricItem> rubric(long assignmentId) {
        List<RubricItem> items = rubrics.get(assignmentId);
        return items == null ? stored.rubric(assignmentId) : items;
    }

    /** Assignments a test registered have no datasets; others' are the course's imports their spec names. */
    @Override
    public List<JobDataset> datasets(long assignmentId) {
        return rubrics.containsKey(assignmentId) ? List.of() : stored.datasets(assignmentId);
    }

    @Override
    public String contentHash(long submissionId) {
        Material material = submissions.get(submissionId);
        // GradingFixtures.submit announces registered submissions with this hash.
        return material == null ? stored.contentHash(submissionId) : "0".repeat(64);
    }

    /** Assignments a test registered re-run the default budget; others' say it in their spec. */
    @Override
    public int rerunVariants(long assignmentId) {
        return rubrics.containsKey(assignmentId) ? GradingTask.DEFAULT_RERUN_VARIANTS : stored.rerunVariants(assignmentId);
    }

    /** Assignments a test registered have the hidden tests it gave (or none); others' are their imports'. */
    @Override
    public Map<String, String> hiddenTests(long assignmentId) {
        Map<String, String> tests = hiddenTests.get(assignmentId);
        return tests != null ? tests : rubrics.containsKey(assignmentId) ? Map.of() : stored.hiddenTests(assignmentId);
    }

    void hiddenTests(long assignmentId, Map<String, String> sources) {
        hiddenTests.put(assignmentId, Map.copyOf(sources));
    }

    /** Assignments a test registered have no pretrained models; others' are the course's their spec names. */
    @Override
    public List<PretrainedRef> pretrained(long assignmentId) {
        return rubrics.containsKey(assignmentId) ? List.of() : stored.pretrained(assignmentId);
    }

    /** Assignments a test registered have no hidden splits; others' are their datasets' imports. */
    @Override
    public List<HiddenSplitView> hiddenSplits(long assignmentId) {
        return rubrics.containsKey(assignmentId) ? List.of() : stored.hiddenSplits(assignmentId);
    }
}
