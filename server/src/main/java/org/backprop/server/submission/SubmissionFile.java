package org.backprop.server.submission;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One file of a submission: where it sits in the snapshot, what it is, and the blob that holds it. */
@Entity
@Table(name = "submission_file")
public class SubmissionFile extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public FileKind kind;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    public long sizeBytes;

    @Column(nullable = false, updatable = false)
    public String sha256;

    static SubmissionFile of(long submissionId, StoredPart part) {
        SubmissionFile file = new SubmissionFile();
        file.key = new Key(submissionId, part.path());
        file.kind = part.kind();
        file.sizeBytes = part.size();
        file.sha256 = part.sha256();
        return file;
    }

    /** The (submission, path) pair that identifies a file. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "submission_id")
        public Long submissionId;

        @Column(name = "path")
        public String path;

        protected Key() {
        }

        Key(Long submissionId, String path) {
            this.submissionId = submissionId;
            this.path = path;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key && Objects.equals(submissionId, ((Key) other).submissionId)
                    && Objects.equals(path, ((Key) other).path);
        }

        @Override
        public int hashCode() {
            return Objects.hash(submissionId, path);
        }
    }
}
