package org.backprop.server.team;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One placement made after selection: who moved a student from which team to which, how and when. Team
 * names are copied, since a team left empty is removed.
 */
@Entity
@Table(name = "team_audit")
public class TeamAudit extends PanacheEntityBase {
    /** How a placement came about. */
    public enum Action {
        /** An instructor put the student somewhere by hand. */
        MOVE,
        /** A random fill placed a student who had no team. */
        FILL,
        /** A balance moved the student to even out team sizes. */
        BALANCE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "team_set_id", nullable = false)
    public Long teamSetId;

    @Column(name = "account_id", nullable = false)
    public Long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Action action;

    @Column(name = "from_team_id")
    public Long fromTeamId;

    @Column(name = "from_team")
    public String fromTeam;

    @Column(name = "to_team_id")
    public Long toTeamId;

    @Column(name = "to_team")
    public String toTeam;

    @Column(name = "actor_id")
    public Long actorId;

    /** The seed of a fill or balance; null for a move by hand. */
    public Long seed;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** Persists an entry; {@code from} or {@code to} is null where the student had or got no team. */
    static void record(long setId, long accountId, Action action, Team from, Team to, long actorId, Long seed,
            Instant at) {
        TeamAudit entry = new TeamAudit();
        entry.teamSetId = setId;
        entry.accountId = accountId;
        entry.action = action;
        entry.fromTeamId = from == null ? null : from.id;
        entry.fromTeam = from == null ? null : from.name;
        entry.toTeamId = to == null ? null : to.id;
        entry.toTeam = to == null ? null : to.name;
        entry.actorId = actorId;
        entry.seed = seed;
        entry.occurredAt = at;
        entry.persist();
    }
}
