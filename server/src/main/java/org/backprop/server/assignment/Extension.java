package org.backprop.server.assignment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * An extension granted to a team or to one student. Rows are never changed: the newest for a team or
 * student is in force, the older ones are the audit trail.
 */
@Entity
@Table(name = "extension")
public class Extension extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "assignment_id", nullable = false)
    public Long assignmentId;

    @Column(name = "team_id")
    public Long teamId;

    @Column(name = "account_id")
    public Long accountId;

    @Column(name = "extra_seconds", nullable = false)
    public long extraSeconds;

    @Column(nullable = false)
    public String reason;

    @Column(name = "granted_by", nullable = false)
    public Long grantedBy;

    @Column(name = "granted_at", nullable = false)
    public Instant grantedAt;

    /** Returns the extension in force for a team, or zero. */
    static Duration forTeam(long assignmentId, long teamId) {
        return latest(find("assignmentId = ?1 and teamId = ?2 order by grantedAt desc, id desc", assignmentId, teamId)
                .firstResult());
    }

    /** Returns the extension in force for one student, or zero. */
    static Duration forStudent(long assignmentId, long accountId) {
        return latest(find("assignmentId = ?1 and accountId = ?2 order by grantedAt desc, id desc", assignmentId,
                accountId).firstResult());
    }

    private static Duration latest(PanacheEntityBase row) {
        return row == null ? Duration.ZERO : Duration.ofSeconds(((Extension) row).extraSeconds);
    }
}
