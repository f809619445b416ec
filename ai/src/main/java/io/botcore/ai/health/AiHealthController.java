package io.botcore.ai.health;

import io.botcore.platform.health.HealthMonitor;
import io.botcore.platform.health.HealthReport;
import io.botcore.platform.web.HealthResponses;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /health}: the last result of every background probe; no I/O on the request path. */
@RestController
class AiHealthController {

    private final HealthMonitor monitor;

    AiHealthController(HealthMonitor monitor) {
        this.monitor = monitor;
    }

    @GetMapping("/health")
    ResponseEntity<HealthReport> health() {
        return HealthResponses.of(monitor.report());
    }
}
