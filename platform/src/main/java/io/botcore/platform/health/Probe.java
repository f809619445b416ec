package io.botcore.platform.health;

import java.time.Duration;

/**
 * Checks one dependency. {@link HealthMonitor} runs it in the background at {@link #interval()} and
 * cuts it off after {@link #timeout()}, so the health endpoint only ever reads the last result.
 */
public interface Probe {

    /** JSON name of the component, for example {@code database}. */
    String name();

    /** True when the service cannot do its job without this dependency (down means unhealthy). */
    boolean critical();

    Duration interval();

    Duration timeout();

    /**
     * How many failed checks in a row turn the component unhealthy; more than one keeps a flaky but
     * working dependency from flapping the service's state. The database uses 1.
     */
    default int failuresBeforeUnhealthy() {
        return 1;
    }

    /** Runs the check; may block up to the timeout; exceptions count as unhealthy. */
    ComponentHealth check();
}
