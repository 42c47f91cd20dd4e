package org.backprop.server.assignment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A starter source file students begin from, kept with the assignment. */
@Entity
@Table(name = "starter_file")
public class StarterFile extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public String content;

    static StarterFile of(long assignmentId, String path, String content) {
        StarterFile file = new StarterFile();
        file.key = new Key(assignmentId, path);
        file.content = content;
        return file;
    }

    /** The (assignment, path) pair that identifies a starter file. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "assignment_id")
        public Long assignmentId;

        @Column(name = "path")
        public String path;

        protected Key() {
        }

        Key(Long assignmentId, String path) {
            this.assignmentId = assignmentId;
            this.path = path;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key && Objects.equals(assignmentId, ((Key) other).assignmentId)
                    && Objects.equals(path, ((Key) other).path);
        }

        @Override
        public int hashCode() {
            return Objects.hash(assignmentId, path);
        }
    }
}
