package org.backprop.server.grading;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.backprop.grader.compile.SourceBundle;
import org.backprop.grader.pipeline.RubricItem;

/** Submissions and rubrics as tests register them, in place of the submission store. */
@ApplicationScoped
public class TestGradingInputs implements GradingInputs {
    /** What a team handed in. */
    public record Material(SourceBundle sources, List<String> runRecords, String report) {
    }

    private final Map<Long, Material> submissions = new ConcurrentHashMap<>();
    private final Map<Long, List<RubricItem>> rubrics = new ConcurrentHashMap<>();

    void submission(long submissionId, Material material) {
        submissions.put(submissionId, material);
    }

    void rubric(long assignmentId, List<RubricItem> items) {
        rubrics.put(assignmentId, List.copyOf(items));
    }

    @Override
    public SourceBundle sources(long submissionId) {
        return material(submissionId).sources();
    }

    @Override
    public List<String> runRecords(long submissionId) {
        return material(submissionId).runRecords();
    }

    @Override
    public String report(long submissionId) {
        return material(submissionId).report();
    }

    @Override
    public List<RubricItem> rubric(long assignmentId) {
        List<RubricItem> items = rubrics.get(assignmentId);
        if (items == null) {
            throw new IllegalStateException("No test registered assignment " + assignmentId);
        }
        return items;
    }

    private Material material(long submissionId) {
        Material material = submissions.get(submissionId);
        if (material == null) {
            throw new IllegalStateException("No test registered submission " + submissionId);
        }
        return material;
    }
}
