package org.backprop.server.grading;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The grading queue as every replica sees it, read from PostgreSQL, not counted in memory:
 * {@code backprop_grading_queue_depth{course}} (jobs waiting) and {@code backprop_grading_queue_oldest_age_seconds
 * {course}} (how long the oldest of them has waited). One grouped query, run in the background every
 * {@code backprop.metrics.queue-refresh}, feeds both, so scrapes cost the database nothing and never wait on it;
 * while the query fails the gauges read NaN rather than an old number an autoscaler would act on.
 */
@ApplicationScoped
public class QueueGauges {
    private static final Logger LOG = Logger.getLogger(QueueGauges.class);
    private static final String WAITING = "select course_id, count(*), min(created_at) from grading_job"
            + " where state = 'QUEUED' group by course_id";

    /** A course's jobs waiting, and when the oldest of them was queued. */
    private record Waiting(long jobs, Instant oldest) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    @ConfigProperty(name = "backprop.metrics.queue-refresh", defaultValue = "5s")
    Duration refresh;

    private final Set<Long> courses = ConcurrentHashMap.newKeySet();
    private volatile Map<Long, Waiting> waiting = Map.of();
    private volatile boolean failing;
    private ScheduledExecutorService timer;

    void onStart(@Observes StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "grading-queue-gauges");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::read, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void read() {
        Map<Long, Waiting> now = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(WAITING)) {
            while (rows.next()) {
                now.put(rows.getLong(1), new Waiting(rows.getLong(2), rows.getObject(3, OffsetDateTime.class)
                        .toInstant()));
            }
        } catch (SQLException | RuntimeException e) {
            if (!failing) {
                LOG.warnf("Could not read the grading queue for its metrics, which read NaN until it can: %s",
                        e.getMessage());
            }
            failing = true;
            return;
        }
        failing = false;
        waiting = now;
        now.keySet().forEach(this::register);
    }

    /** Registers a course's gauges the first time it has jobs waiting; afterwards they read 0 while it has none. */
    private void register(long course) {
        if (!courses.add(course)) {
            return;
        }
        String tag = Long.toString(course);
        Gauge.builder("backprop.grading.queue.depth", this, gauges -> gauges.depth(course))
                .description("Grading jobs waiting for a worker").tag("course", tag).register(registry);
        Gauge.builder("backprop.grading.queue.oldest.age", this, gauges -> gauges.oldestAge(course))
                .description("How long the oldest waiting grading job has waited").baseUnit("seconds")
                .tag("course", tag).register(registry);
    }

    private double depth(long course) {
        if (failing) {
            return Double.NaN;
        }
        Waiting jobs = waiting.get(course);
        return jobs == null ? 0 : jobs.jobs();
    }

    private double oldestAge(long course) {
        if (failing) {
            return Double.NaN;
        }
        Waiting jobs = waiting.get(course);
        return jobs == null ? 0 : Math.max(0, Duration.between(jobs.oldest(), clock.instant()).toMillis() / 1000.0);
    }
}
