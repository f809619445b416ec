package io.botcore.platform.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks another Bot Core service through its health URL: healthy when it answers 2xx with
 * {@code "status":"healthy"}, unhealthy when it is unreachable or reports itself unhealthy.
 */
public final class HttpHealthProbe implements Probe {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final URI url;
    private final boolean critical;
    private final Clock clock;
    private final HttpClient client;

    public HttpHealthProbe(String name, URI url, boolean critical, Clock clock) {
        this.name = name;
        this.url = url;
        this.critical = critical;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
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
    public int failuresBeforeUnhealthy() {
        return 2;
    }

    @Override
    public Duration interval() {
        return Duration.ofSeconds(2);
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(3);
    }

    @Override
    public ComponentHealth check() {
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = client.send(HttpRequest.newBuilder(url).timeout(timeout()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            return ComponentHealth.of(HealthState.UNHEALTHY, clock.instant(), "url", url.toString(),
                    "error", e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ComponentHealth.of(HealthState.UNHEALTHY, clock.instant(), "url", url.toString(),
                    "error", "interrupted");
        }
        double latencyMs = Math.round((System.nanoTime() - start) / 1_000.0) / 1000.0;
        String reported;
        try {
            reported = JSON.readTree(response.body()).path("status").asString("unknown");
        } catch (JacksonException e) {
            reported = "unknown";
        }
        HealthState state = response.statusCode() / 100 == 2 && "healthy".equals(reported) ? HealthState.HEALTHY
                : response.statusCode() / 100 == 2 && "degraded".equals(reported) ? HealthState.DEGRADED
                : HealthState.UNHEALTHY;
        return ComponentHealth.of(state, clock.instant(), "url", url.toString(), "reported", reported,
                "http_status", response.statusCode(), "latency_ms", latencyMs, "error", state == HealthState.UNHEALTHY
                        ? "answered HTTP " + response.statusCode() + ", reports " + reported : null);
    }
}
