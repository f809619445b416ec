package io.botcore.platform.health;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The state of a service or of one of its dependencies, as the operations manual reads it. */
public enum HealthState {
    HEALTHY, DEGRADED, UNHEALTHY;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
