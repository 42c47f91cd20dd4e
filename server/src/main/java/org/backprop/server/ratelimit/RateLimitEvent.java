package org.backprop.server.ratelimit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One counted event (a failed sign-in, a compile) in a rate-limit bucket. */
@Entity
@Table(name = "rate_limit_event")
public class RateLimitEvent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String bucket;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
}
