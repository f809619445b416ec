package io.botcore.platform.health;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.Map;

/**
 * The body of {@code GET /api/health} (engine) and {@code GET /health} (AI service).
 *
 * @param status overall state: unhealthy when a critical component is down, degraded when any other is
 * @param service service name ({@code engine} or {@code ai})
 * @param version build version
 * @param uptimeSeconds whole seconds since the service started
 * @param timestamp when the report was made (UTC)
 * @param components last state of each dependency by name
 */
public record HealthReport(
        HealthState status,
        String service,
        String version,
        @JsonProperty("uptime_s") long uptimeSeconds,
        Instant timestamp,
        Map<String, ComponentHealth> components) {

    /** The API envelope's flag: false only when unhealthy. */
    @JsonProperty("success")
    public boolean success() {
        return status != HealthState.UNHEALTHY;
    }
}
