package io.botcore.platform.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every {@link Probe} in the background and keeps its last result, so reading health costs no I/O
 * (the manual's load target is 2,000 concurrent health checks). A probe that exceeds its timeout is
 * recorded as unhealthy at once; a new run of it starts only after the previous one returned, so a
 * hanging dependency never piles up threads. State changes are logged once.
 *
 * <p>Thread-safe.
 */
public final class HealthMonitor implements AutoCloseable, MeterBinder {

    private static final Logger log = LoggerFactory.getLogger("health");

    private final String service;
    private final String version;
    private final Clock clock;
    private final Instant startedAt;
    private final List<Probe> probes;
    private final Map<String, ComponentHealth> last = new ConcurrentHashMap<>();
    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();
    private final Map<String, Integer> failuresInARow = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers;

    public HealthMonitor(String service, String version, Clock clock, List<Probe> probes) {
        this.service = service;
        this.version = version;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.probes = List.copyOf(probes);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "health-scheduler"));
        this.workers = Executors.newCachedThreadPool(r -> daemon(r, "health-probe"));
        for (Probe probe : this.probes) {
            running.put(probe.name(), new AtomicBoolean());
            last.put(probe.name(), ComponentHealth.of(HealthState.UNHEALTHY, startedAt, "error", "not checked yet"));
        }
    }

    /** Starts the background probes; the first run of each happens at once. */
    public void start() {
        for (Probe probe : probes) {
            scheduler.scheduleWithFixedDelay(() -> runProbe(probe), 0, probe.interval().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Runs every probe now and waits for the results (used at start-up and by tests). */
    public void refreshNow() {
        probes.forEach(this::runProbe);
    }

    public HealthReport report() {
        Map<String, ComponentHealth> components = new LinkedHashMap<>();
        HealthState overall = HealthState.HEALTHY;
        for (Probe probe : probes) {
            ComponentHealth health = last.get(probe.name());
            components.put(probe.name(), health);
            if (health.status() != HealthState.HEALTHY) {
                HealthState effect = probe.critical() ? HealthState.UNHEALTHY : HealthState.DEGRADED;
                overall = effect.ordinal() > overall.ordinal() ? effect : overall;
            }
        }
        Instant now = clock.instant();
        return new HealthReport(overall, service, version, Duration.between(startedAt, now).toSeconds(), now,
                components);
    }

    /**
     * Publishes {@code bot_core_component_up{component}} (1 healthy, 0.5 degraded, 0 unhealthy) and
     * {@code bot_core_health_status} (0 healthy, 1 degraded, 2 unhealthy) for alert rules.
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        for (Probe probe : probes) {
            Gauge.builder("bot_core.component.up", () -> switch (last.get(probe.name()).status()) {
                case HEALTHY -> 1.0;
                case DEGRADED -> 0.5;
                case UNHEALTHY -> 0.0;
            }).tag("component", probe.name()).tag("critical", String.valueOf(probe.critical()))
                    .description("State of a dependency: 1 healthy, 0.5 degraded, 0 unhealthy").register(registry);
        }
        Gauge.builder("bot_core.health.status", () -> report().status().ordinal())
                .description("Overall state: 0 healthy, 1 degraded, 2 unhealthy").register(registry);
    }

    /** The last result of one component, or null when there is no such probe. */
    public ComponentHealth component(String name) {
        return last.get(name);
    }

    private void runProbe(Probe probe) {
        AtomicBoolean busy = running.get(probe.name());
        if (!busy.compareAndSet(false, true)) {
            return;
        }
        Future<ComponentHealth> future;
        try {
            future = workers.submit(() -> {
                try {
                    return probe.check();
                } finally {
                    busy.set(false);
                }
            });
        } catch (RuntimeException rejected) {
            busy.set(false);
            return;
        }
        ComponentHealth result;
        try {
            result = future.get(probe.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result = ComponentHealth.of(HealthState.UNHEALTHY, clock.instant(), "error",
                    "no answer within " + probe.timeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            result = ComponentHealth.of(HealthState.UNHEALTHY, clock.instant(), "error",
                    cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
        record(probe, result);
    }

    private void record(Probe probe, ComponentHealth result) {
        int failures = result.status() == HealthState.UNHEALTHY ? failuresInARow.merge(probe.name(), 1, Integer::sum) : 0;
        failuresInARow.put(probe.name(), failures);
        ComponentHealth current = last.get(probe.name());
        boolean tolerated = failures > 0 && failures < probe.failuresBeforeUnhealthy() && current != null
                && current.status() != HealthState.UNHEALTHY;
        if (tolerated) {
            log.debug("{} check failed ({} in a row, tolerated): {}", probe.name(), failures, result.details().get("error"));
            return;
        }
        ComponentHealth previous = last.put(probe.name(), result);
        if (previous == null || previous.status() != result.status()) {
            if (result.status() == HealthState.HEALTHY) {
                log.info("{} is healthy", probe.name());
            } else {
                log.warn("{} is {}: {}", probe.name(), result.status().json(), result.details().get("error"));
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        workers.shutdownNow();
    }
}
