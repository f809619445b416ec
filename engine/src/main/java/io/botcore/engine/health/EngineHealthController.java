package io.botcore.engine.health;

import io.botcore.platform.health.HealthMonitor;
import io.botcore.platform.health.HealthReport;
import io.botcore.platform.web.HealthResponses;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/health}: the last result of every background probe; no I/O on the request path. */
@RestController
class EngineHealthController {

    private final HealthMonitor monitor;

    EngineHealthController(HealthMonitor monitor) {
        this.monitor = monitor;
    }

    @GetMapping("/api/health")
    ResponseEntity<HealthReport> health() {
        return HealthResponses.of(monitor.report());
    }
}
