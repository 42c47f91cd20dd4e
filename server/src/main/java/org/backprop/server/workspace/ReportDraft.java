package org.backprop.server.workspace;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A member's stored draft of their report for an assignment. */
@Entity
@Table(name = "report_draft")
public class ReportDraft extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public String markdown;

    @Column(nullable = false)
    public int revision;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The (account, assignment) pair that identifies a draft. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "account_id")
        public Long accountId;

        @Column(name = "assignment_id")
        public Long assignmentId;

        protected Key() {
        }

        Key(long accountId, long assignmentId) {
            this.accountId = accountId;
            this.assignmentId = assignmentId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(accountId, key.accountId)
                    && Objects.equals(assignmentId, key.assignmentId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, assignmentId);
        }
    }
}
