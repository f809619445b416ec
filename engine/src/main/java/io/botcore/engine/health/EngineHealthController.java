package io.botcore.engine.health;

import io.botcore.engine.maintenance.Maintenance;
import io.botcore.engine.maintenance.MaintenanceMonitor;
import io.botcore.platform.health.HealthMonitor;
import io.botcore.platform.health.HealthReport;
import io.botcore.platform.health.HealthState;
import io.botcore.platform.web.HealthResponses;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/health}: the last result of every background probe; no I/O on the request path. During
 * maintenance (and unless unhealthy) the status is {@code maintenance}, with the message and planned end.
 */
@RestController
class EngineHealthController {

    private final HealthMonitor monitor;
    private final MaintenanceMonitor maintenance;

    EngineHealthController(HealthMonitor monitor, MaintenanceMonitor maintenance) {
        this.monitor = monitor;
        this.maintenance = maintenance;
    }

    @GetMapping("/api/health")
    ResponseEntity<?> health() {
        HealthReport report = monitor.report();
        Optional<Maintenance.State> state = maintenance.current();
        if (state.isEmpty() || report.status() == HealthState.UNHEALTHY) {
            return HealthResponses.of(report);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "maintenance");
        body.put("service", report.service());
        body.put("version", report.version());
        body.put("uptime_s", report.uptimeSeconds());
        body.put("timestamp", report.timestamp());
        body.put("components", report.components());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("message", state.get().message());
        details.put("until", state.get().until());
        details.put("since", state.get().since());
        details.put("underlying_status", report.status());
        body.put("maintenance", details);
        body.put("success", true);
        return ResponseEntity.ok(body);
    }
}
