package org.backprop.server.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Counts events per bucket in a sliding window, in PostgreSQL so that all server replicas share the count.
 * Each method runs in a transaction of its own: a refused request must still leave its count behind.
 */
@ApplicationScoped
public class RateLimiter {
    @Inject
    Clock clock;

    /** Returns when the bucket takes events again if it is full now, else empty. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Instant> blockedUntil(String bucket, RateLimit limit) {
        return blockedUntil(bucket, limit, clock.instant());
    }

    /** Counts one event now, and sweeps the bucket's events that have left the window. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String bucket, RateLimit limit) {
        Instant now = clock.instant();
        RateLimitEvent.delete("bucket = ?1 and occurredAt <= ?2", bucket, now.minus(limit.window()));
        insert(bucket, now);
    }

    /**
     * Counts one event now unless the bucket is full; returns empty if counted, else when to try again.
     * Concurrent calls for one bucket queue on a transaction-scoped advisory lock, so that the limit is exact.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Instant> acquire(String bucket, RateLimit limit) {
        RateLimitEvent.getEntityManager()
                .createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, bucket)
                .getSingleResult();
        Instant now = clock.instant();
        Optional<Instant> blocked = blockedUntil(bucket, limit, now);
        if (blocked.isEmpty()) {
            RateLimitEvent.delete("bucket = ?1 and occurredAt <= ?2", bucket, now.minus(limit.window()));
            insert(bucket, now);
        }
        return blocked;
    }

    /** Forgets the bucket's events, e.g. an account's failed sign-ins once it signs in. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void reset(String bucket) {
        RateLimitEvent.delete("bucket", bucket);
    }

    /**
     * The bucket is full when {@code events} events lie in the window before {@code now}; it takes events
     * again when enough of the oldest have left the window to make room for one more.
     */
    private static Optional<Instant> blockedUntil(String bucket, RateLimit limit, Instant now) {
        List<Instant> recent = RateLimitEvent.getEntityManager().createQuery("select e.occurredAt from"
                        + " RateLimitEvent e where e.bucket = ?1 and e.occurredAt > ?2 and e.occurredAt <= ?3"
                        + " order by e.occurredAt", Instant.class)
                .setParameter(1, bucket)
                .setParameter(2, now.minus(limit.window()))
                .setParameter(3, now)
                .getResultList();
        if (recent.size() < limit.events()) {
            return Optional.empty();
        }
        return Optional.of(recent.get(recent.size() - limit.events()).plus(limit.window()));
    }

    private static void insert(String bucket, Instant now) {
        RateLimitEvent event = new RateLimitEvent();
        event.bucket = bucket;
        event.occurredAt = now;
        event.persist();
    }
}
