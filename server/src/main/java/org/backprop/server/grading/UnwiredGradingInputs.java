package org.backprop.server.grading;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.backprop.grader.compile.SourceBundle;
import org.backprop.grader.pipeline.RubricItem;

/**
 * Stands in for the submission store until grading is connected to it: every call fails, so a job leased
 * now fails with a message staff understand instead of grading nothing.
 */
@DefaultBean
@ApplicationScoped
public class UnwiredGradingInputs implements GradingInputs {
    static final String NOT_WIRED = "Grading is not connected to the submission store yet, so it cannot read"
            + " submission or assignment ";

    @Override
    public SourceBundle sources(long submissionId) {
        throw new IllegalStateException(NOT_WIRED + submissionId + ".");
    }

    @Override
    public List<String> runRecords(long submissionId) {
        throw new IllegalStateException(NOT_WIRED + submissionId + ".");
    }

    @Override
    public String report(long submissionId) {
        throw new IllegalStateException(NOT_WIRED + submissionId + ".");
    }

    @Override
    public List<RubricItem> rubric(long assignmentId) {
        throw new IllegalStateException(NOT_WIRED + assignmentId + ".");
    }
}
