package io.botcore.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class HealthMonitorTest {

    private final Clock clock = Clock.systemUTC();

    @Test
    void shouldBeHealthyWhenEveryProbeIs() {
        try (HealthMonitor monitor = monitor(probe("database", true, HealthState.HEALTHY),
                probe("ai_service", false, HealthState.HEALTHY))) {
            monitor.refreshNow();

            HealthReport report = monitor.report();

            assertThat(report.status()).isEqualTo(HealthState.HEALTHY);
            assertThat(report.success()).isTrue();
            assertThat(report.components()).containsOnlyKeys("database", "ai_service");
        }
    }

    @Test
    void shouldBeDegradedWhenANonCriticalDependencyFails() {
        try (HealthMonitor monitor = monitor(probe("database", true, HealthState.HEALTHY),
                failing("ai_service", false))) {
            monitor.refreshNow();

            HealthReport report = monitor.report();

            assertThat(report.status()).isEqualTo(HealthState.DEGRADED);
            assertThat(report.components().get("ai_service").status()).isEqualTo(HealthState.UNHEALTHY);
            assertThat(report.components().get("ai_service").details().get("error"))
                    .isEqualTo("IllegalStateException: connection refused");
        }
    }

    @Test
    void shouldBeUnhealthyWhenACriticalDependencyFails() {
        try (HealthMonitor monitor = monitor(failing("database", true), probe("ai_service", false, HealthState.HEALTHY))) {
            monitor.refreshNow();

            assertThat(monitor.report().status()).isEqualTo(HealthState.UNHEALTHY);
            assertThat(monitor.report().success()).isFalse();
        }
    }

    @Test
    void shouldCountAHangingProbeAsUnhealthyAfterItsTimeoutAndNotStackRuns() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Integer> calls = new AtomicReference<>(0);
        Probe hanging = new TestProbe("database", true, Duration.ofMillis(100)) {
            @Override
            public ComponentHealth check() {
                calls.updateAndGet(c -> c + 1);
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ComponentHealth.of(HealthState.HEALTHY, Instant.now());
            }
        };
        try (HealthMonitor monitor = monitor(hanging)) {
            monitor.refreshNow();
            monitor.refreshNow();

            assertThat(monitor.report().status()).isEqualTo(HealthState.UNHEALTHY);
            assertThat(monitor.component("database").details().get("error")).isEqualTo("no answer within 100 ms");
            assertThat(calls.get()).isEqualTo(1);
            release.countDown();
        }
    }

    @Test
    void shouldTolerateOneFailureOfAProbeThatAsksForTwoInARow() {
        AtomicReference<Boolean> up = new AtomicReference<>(true);
        Probe flaky = new TestProbe("ai_service", false, Duration.ofSeconds(1)) {
            @Override
            public int failuresBeforeUnhealthy() {
                return 2;
            }

            @Override
            public ComponentHealth check() {
                if (!up.get()) {
                    throw new IllegalStateException("timeout");
                }
                return ComponentHealth.of(HealthState.HEALTHY, Instant.now());
            }
        };
        try (HealthMonitor monitor = monitor(flaky)) {
            monitor.refreshNow();
            up.set(false);
            monitor.refreshNow();
            assertThat(monitor.report().status()).isEqualTo(HealthState.HEALTHY);

            monitor.refreshNow();
            assertThat(monitor.report().status()).isEqualTo(HealthState.DEGRADED);

            up.set(true);
            monitor.refreshNow();
            assertThat(monitor.report().status()).isEqualTo(HealthState.HEALTHY);
        }
    }

    private HealthMonitor monitor(Probe... probes) {
        return new HealthMonitor("test", "1.0", clock, List.of(probes));
    }

    private static Probe probe(String name, boolean critical, HealthState state) {
        return new TestProbe(name, critical, Duration.ofSeconds(1)) {
            @Override
            public ComponentHealth check() {
                return ComponentHealth.of(state, Instant.now(), "latency_ms", 1.0);
            }
        };
    }

    private static Probe failing(String name, boolean critical) {
        return new TestProbe(name, critical, Duration.ofSeconds(1)) {
            @Override
            public ComponentHealth check() {
                throw new IllegalStateException("connection refused");
            }
        };
    }

    private abstract static class TestProbe implements Probe {
        private final String name;
        private final boolean critical;
        private final Duration timeout;

        TestProbe(String name, boolean critical, Duration timeout) {
            this.name = name;
            this.critical = critical;
            this.timeout = timeout;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean critical() {
            return critical;
        }

        @Override
        public Duration interval() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Duration timeout() {
            return timeout;
        }
    }
}
