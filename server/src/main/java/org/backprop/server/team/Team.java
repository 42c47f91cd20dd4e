package org.backprop.server.team;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.util.Optional;

/** One team of a team set. */
@Entity
@Table(name = "team")
public class Team extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "team_set_id", nullable = false)
    public Long teamSetId;

    @Column(nullable = false)
    public String name;

    /** What a student types to join; shown only to the team's members and the course staff. */
    @Column(name = "join_code", nullable = false, unique = true)
    public String joinCode;

    /**
     * Finds a team of a set and locks its row until the transaction ends: everyone taking a seat in the
     * same team queues here, so the size they count is the size they change.
     */
    static Optional<Team> lockInSet(long teamSetId, long teamId) {
        return Team.<Team>findByIdOptional(teamId, LockModeType.PESSIMISTIC_WRITE)
                .filter(team -> team.teamSetId == teamSetId);
    }

    long size() {
        return TeamMember.count("teamId", id);
    }
}
