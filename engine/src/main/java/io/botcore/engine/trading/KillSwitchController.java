package io.botcore.engine.trading;

import com.mongodb.client.MongoDatabase;

import io.botcore.engine.admin.AuditLog;
import io.botcore.engine.auth.AuthenticatedUser;
import io.botcore.platform.web.ApiResponse;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/admin/kill-switch} (admin only): engage stops every bot of every user at once (open orders
 * cancelled, positions closed) and keeps them from starting until released; {@code ./bot-core kill-switch} does
 * the same from the host.
 */
@RestController
@RequestMapping("/api/admin/kill-switch")
class KillSwitchController {

    private final BotManager manager;
    private final MongoDatabase database;
    private final AuditLog audit;
    private final Clock clock;

    KillSwitchController(BotManager manager, MongoDatabase database, AuditLog audit, Clock clock) {
        this.manager = manager;
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    record EngageRequest(@NotBlank(message = "is required") @Size(max = 200,
            message = "must be at most 200 characters") String reason) {
    }

    @GetMapping
    ApiResponse<Map<String, Object>> state() {
        Map<String, Object> out = new LinkedHashMap<>();
        KillSwitch.state(database).ifPresentOrElse(s -> {
            out.put("engaged", s.engaged());
            out.put("reason", s.reason());
            out.put("by", s.by());
            out.put("at", s.at());
        }, () -> out.put("engaged", false));
        return ApiResponse.ok(out);
    }

    @PostMapping
    ApiResponse<Map<String, Object>> engage(@AuthenticationPrincipal AuthenticatedUser caller,
            @Valid @RequestBody EngageRequest body, HttpServletRequest request) {
        BotManager.KillResult result = manager.kill(body.reason(), caller.email());
        audit.record("kill_switch.engaged", caller.email(), request.getRemoteAddr(), "reason", body.reason(),
                "bots", result.asked());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("engaged", true);
        out.put("bots_stopped", result.asked() - result.stillStopping().size());
        out.put("bots_still_stopping", result.stillStopping());
        return ApiResponse.ok(out);
    }

    @DeleteMapping
    ApiResponse<Map<String, Object>> release(@AuthenticationPrincipal AuthenticatedUser caller,
            HttpServletRequest request) {
        KillSwitch.release(database, caller.email(), clock);
        audit.record("kill_switch.released", caller.email(), request.getRemoteAddr());
        return ApiResponse.ok(Map.of("engaged", false));
    }
}
