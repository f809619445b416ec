package io.botcore.platform.health;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The last observed state of one dependency, with details such as {@code latency_ms} or {@code error}
 * written beside {@code status} in JSON.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param status observed state
 * @param checkedAt when the probe finished (UTC)
 * @param details extra JSON fields; insertion order is kept
 */
public record ComponentHealth(HealthState status, Instant checkedAt, Map<String, Object> details) {

    public ComponentHealth {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(checkedAt, "checkedAt");
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static ComponentHealth of(HealthState status, Instant checkedAt, Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("keyValues must come in key, value pairs");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                details.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return new ComponentHealth(status, checkedAt, details);
    }

    @JsonProperty("status")
    public HealthState status() {
        return status;
    }

    @JsonProperty("checked_at")
    public Instant checkedAt() {
        return checkedAt;
    }

    @JsonAnyGetter
    public Map<String, Object> details() {
        return details;
    }
}
