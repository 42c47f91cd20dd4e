package org.backprop.grader.compile.worker;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Stops a worker process that runs past a limit: it samples the elapsed time and the processor time of the process
 * and all its descendants (so that a jail's wrapper process does not hide the JVM's time) every
 * {@link #SAMPLE_INTERVAL}, and kills the whole tree on an overrun. Thread-safe; one daemon thread serves every watch.
 */
final class Watchdog implements AutoCloseable {
    static final Duration SAMPLE_INTERVAL = Duration.ofMillis(100);

    /** Which limit a watched process ran past. */
    enum Overrun { WALL_TIME, CPU_TIME }

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "compile-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    /** One process under watch, until {@link #stop()}. */
    static final class Watch {
        private final AtomicReference<Overrun> overrun = new AtomicReference<>();
        private volatile ScheduledFuture<?> sampling;

        /** Ends the watch; returns the limit the process ran past, or null if it stayed within them. */
        Overrun stop() {
            sampling.cancel(false);
            return overrun.get();
        }
    }

    /**
     * Watches {@code process} from now on: kills it once it has run {@code wallTime}, or used {@code cpuTime} of
     * processor time from now on ({@code null}: no processor-time limit).
     */
    Watch watch(ProcessHandle process, Duration wallTime, Duration cpuTime) {
        Watch watch = new Watch();
        long started = System.nanoTime();
        Duration cpuAtStart = cpuTime(process);
        watch.sampling = timer.scheduleAtFixedRate(() -> {
            Overrun overrun = System.nanoTime() - started > wallTime.toNanos() ? Overrun.WALL_TIME
                    : cpuTime != null && cpuTime(process).minus(cpuAtStart).compareTo(cpuTime) > 0 ? Overrun.CPU_TIME
                    : null;
            if (overrun != null && watch.overrun.compareAndSet(null, overrun)) {
                killTree(process);
                watch.sampling.cancel(false);
            }
        }, SAMPLE_INTERVAL.toMillis(), SAMPLE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return watch;
    }

    /** Kills {@code process} and everything it started. */
    static void killTree(ProcessHandle process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static Duration cpuTime(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants())
                .map(handle -> handle.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
