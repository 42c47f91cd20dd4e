package org.backprop.server.course;

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

/** One person's role in one course. */
@Entity
@Table(name = "course_member")
public class CourseMember extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CourseRole role;

    public static CourseMember of(Long courseId, Long accountId, CourseRole role) {
        CourseMember member = new CourseMember();
        member.key = new Key(courseId, accountId);
        member.role = role;
        return member;
    }

    /** The (course, account) pair that identifies a membership. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "course_id")
        public Long courseId;

        @Column(name = "account_id")
        public Long accountId;

        protected Key() {
        }

        Key(Long courseId, Long accountId) {
            this.courseId = courseId;
            this.accountId = accountId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key && Objects.equals(courseId, ((Key) other).courseId)
                    && Objects.equals(accountId, ((Key) other).accountId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(courseId, accountId);
        }
    }
}
