package org.backprop.server.submission;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * A run a submission hands in: a run of the team's experiment log, at the place the team named it. Written once
 * with its submission, never changed; the grader reads the runs as the team's claims.
 */
@Entity
@Table(name = "submission_run")
public class SubmissionRun extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    @Column(name = "run_id", nullable = false, updatable = false)
    public Long runId;

    static SubmissionRun of(long submissionId, int position, long runId) {
        SubmissionRun run = new SubmissionRun();
        run.key = new Key(submissionId, position);
        run.runId = runId;
        return run;
    }

    /** The (submission, position) pair that identifies a named run. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "submission_id")
        public Long submissionId;

        @Column(name = "position")
        public Integer position;

        protected Key() {
        }

        Key(Long submissionId, Integer position) {
            this.submissionId = submissionId;
            this.position = position;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key && Objects.equals(submissionId, ((Key) other).submissionId)
                    && Objects.equals(position, ((Key) other).position);
        }

        @Override
        public int hashCode() {
            return Objects.hash(submissionId, position);
        }
    }
}
