package org.backprop.server.assignment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A hidden test source of an assignment's {@code tests} items, kept with the assignment at import. Only grading
 * workers receive it (with the job they lease); no student endpoint reads this table.
 */
@Entity
@Table(name = "hidden_test_file")
public class HiddenTestFile extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public String content;

    static HiddenTestFile of(long assignmentId, String path, String content) {
        HiddenTestFile file = new HiddenTestFile();
        file.key = new Key(assignmentId, path);
        file.content = content;
        return file;
    }

    /** Returns the assignment's hidden test sources by path in its folder, sorted by path; empty when none. */
    public static Map<String, String> sourcesOf(long assignmentId) {
        Map<String, String> files = new LinkedHashMap<>();
        HiddenTestFile.<HiddenTestFile>list("key.assignmentId = ?1 order by key.path", assignmentId)
                .forEach(file -> files.put(file.key.path, file.content));
        return files;
    }

    /** The (assignment, path) pair that identifies a hidden test file. */
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
