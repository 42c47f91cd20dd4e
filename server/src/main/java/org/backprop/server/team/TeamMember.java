package org.backprop.server.team;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/** A student's seat in a team; the key (set, student) lets a student hold one seat per set. */
@Entity
@Table(name = "team_member")
public class TeamMember extends PanacheEntityBase {
    @EmbeddedId
    public Key key;

    @Column(name = "team_id", nullable = false)
    public Long teamId;

    static TeamMember of(long teamSetId, long accountId, long teamId) {
        TeamMember member = new TeamMember();
        member.key = new Key(teamSetId, accountId);
        member.teamId = teamId;
        return member;
    }

    static Optional<TeamMember> seat(long teamSetId, long accountId) {
        return findByIdOptional(new Key(teamSetId, accountId));
    }

    /** The (team set, account) pair that identifies a seat. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "team_set_id")
        public Long teamSetId;

        @Column(name = "account_id")
        public Long accountId;

        protected Key() {
        }

        Key(Long teamSetId, Long accountId) {
            this.teamSetId = teamSetId;
            this.accountId = accountId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key && Objects.equals(teamSetId, ((Key) other).teamSetId)
                    && Objects.equals(accountId, ((Key) other).accountId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(teamSetId, accountId);
        }
    }
}
