package org.backprop.server.course;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import org.backprop.server.account.Account;

/** One person's role in one course. */
@Entity
@Table(name = "course_member")
public class CourseMember extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CourseRole role;

    /** Read-only views of the key's columns, for queries and listings; the key is what gets written. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "course_id", insertable = false, updatable = false)
    public Course course;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id", insertable = false, updatable = false)
    public Account account;

    public static CourseMember of(Long courseId, Long accountId, CourseRole role) {
        CourseMember member = new CourseMember();
        member.key = new Key(courseId, accountId);
        member.role = role;
        return member;
    }

    public static Optional<CourseMember> membership(long courseId, long accountId) {
        return findByIdOptional(new Key(courseId, accountId));
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
