package io.botcore.platform.web;

import io.botcore.platform.health.HealthReport;
import io.botcore.platform.health.HealthState;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Maps a health report to HTTP: 503 when unhealthy, so load balancers take the instance out. */
public final class HealthResponses {

    private HealthResponses() {
    }

    public static ResponseEntity<HealthReport> of(HealthReport report) {
        HttpStatus status = report.status() == HealthState.UNHEALTHY ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK;
        return ResponseEntity.status(status).body(report);
    }
}
