package org.backprop.server.workspace;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One saved revision of a workspace file; never changed. No content means the file was deleted at this revision. */
@Entity
@Table(name = "workspace_file_revision")
public class FileRevision extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    public String content;

    /** Who saved it; null for the revision seeded from the starter files. */
    @Column(name = "updated_by")
    public Long updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    static FileRevision of(Key key, String content, Long updatedBy, Instant updatedAt) {
        FileRevision revision = new FileRevision();
        revision.key = key;
        revision.content = content;
        revision.updatedBy = updatedBy;
        revision.updatedAt = updatedAt;
        return revision;
    }

    boolean deleted() {
        return content == null;
    }

    /** Returns the highest revision of each path ever saved in the workspace, tombstones included, by path. */
    static List<FileRevision> heads(long teamId, long assignmentId) {
        return list("from FileRevision f where f.key.teamId = ?1 and f.key.assignmentId = ?2 and f.key.revision ="
                + " (select max(r.key.revision) from FileRevision r where r.key.teamId = ?1 and r.key.assignmentId = ?2"
                + " and r.key.path = f.key.path) order by f.key.path", teamId, assignmentId);
    }

    /** Returns the highest revision of {@code path}, tombstone or not, if the path was ever saved. */
    static Optional<FileRevision> head(long teamId, long assignmentId, String path) {
        return find("key.teamId = ?1 and key.assignmentId = ?2 and key.path = ?3 order by key.revision desc", teamId,
                assignmentId, path).firstResultOptional();
    }

    /** Returns every revision of {@code path}, newest first. */
    static List<FileRevision> history(long teamId, long assignmentId, String path) {
        return list("key.teamId = ?1 and key.assignmentId = ?2 and key.path = ?3 order by key.revision desc", teamId,
                assignmentId, path);
    }

    /** The team, assignment, path and revision that identify a revision. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "team_id")
        public Long teamId;

        @Column(name = "assignment_id")
        public Long assignmentId;

        @Column(name = "path")
        public String path;

        @Column(name = "revision")
        public Integer revision;

        protected Key() {
        }

        Key(long teamId, long assignmentId, String path, int revision) {
            this.teamId = teamId;
            this.assignmentId = assignmentId;
            this.path = path;
            this.revision = revision;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(teamId, key.teamId)
                    && Objects.equals(assignmentId, key.assignmentId) && Objects.equals(path, key.path)
                    && Objects.equals(revision, key.revision);
        }

        @Override
        public int hashCode() {
            return Objects.hash(teamId, assignmentId, path, revision);
        }
    }
}
