package io.botcore.engine.admin;

import io.botcore.engine.auth.AuthenticatedUser;
import io.botcore.platform.config.ShortDuration;
import io.botcore.platform.web.ApiException;
import io.botcore.platform.web.ApiResponse;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/admin/*} (admin role only): audit log, runtime log level, IP deny list. */
@RestController
@RequestMapping("/api/admin")
class AdminController {

    private final AuditLog audit;
    private final RuntimeLogLevel logLevel;
    private final IpBlocklist blocklist;
    private final Clock clock;

    AdminController(AuditLog audit, RuntimeLogLevel logLevel, IpBlocklist blocklist, Clock clock) {
        this.audit = audit;
        this.logLevel = logLevel;
        this.blocklist = blocklist;
        this.clock = clock;
    }

    record LevelRequest(@NotBlank(message = "is required") String level) {
    }

    record BlockRequest(@NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters")
            String address, @Size(max = 200, message = "must be at most 200 characters") String reason) {
    }

    @GetMapping("/audit")
    ApiResponse<List<AuditLog.Event>> audit(@RequestParam(defaultValue = "24h") String since,
            @RequestParam(required = false) String type, @RequestParam(defaultValue = "200") int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "limit: must be from 1 to 10000");
        }
        if (type != null && !type.matches("[a-z_]{1,40}(\\.[a-z_]{1,40}){0,3}")) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "type: must be an event type such as login.failed");
        }
        return ApiResponse.ok(audit.since(clock.instant().minus(duration(since)), type, limit));
    }

    @GetMapping("/log-level")
    ApiResponse<Map<String, String>> level() {
        return ApiResponse.ok(Map.of("level", logLevel.current()));
    }

    @PutMapping("/log-level")
    ApiResponse<Map<String, String>> setLevel(@Valid @RequestBody LevelRequest body,
            @AuthenticationPrincipal AuthenticatedUser caller, HttpServletRequest request) {
        String level;
        try {
            level = RuntimeLogLevel.parse(body.level());
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "level: " + e.getMessage());
        }
        String previous = logLevel.current();
        logLevel.set(level, caller.email());
        audit.record("log_level.changed", caller.email(), request.getRemoteAddr(), "from", previous, "to", level);
        return ApiResponse.ok(Map.of("level", level));
    }

    @GetMapping("/ip-blocks")
    ApiResponse<List<Map<String, Object>>> blocks() {
        return ApiResponse.ok(blocklist.list().stream().map(d -> Map.<String, Object>of("address", d.getString("_id"),
                "reason", String.valueOf(d.get("reason")), "by", String.valueOf(d.get("by")),
                "at", d.getDate("at").toInstant().toString())).toList());
    }

    @PostMapping("/ip-blocks")
    ApiResponse<Map<String, String>> block(@Valid @RequestBody BlockRequest body,
            @AuthenticationPrincipal AuthenticatedUser caller, HttpServletRequest request) {
        String range = range(body.address());
        blocklist.block(range, body.reason() == null ? "" : body.reason(), caller.email());
        audit.record("ip.blocked", caller.email(), request.getRemoteAddr(), "range", range, "reason",
                body.reason() == null ? "" : body.reason());
        return ApiResponse.ok(Map.of("address", range));
    }

    @DeleteMapping("/ip-blocks")
    ApiResponse<Map<String, String>> unblock(@RequestParam String address,
            @AuthenticationPrincipal AuthenticatedUser caller, HttpServletRequest request) {
        String range = range(address);
        if (!blocklist.unblock(range)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "address: " + range + " is not blocked");
        }
        audit.record("ip.unblocked", caller.email(), request.getRemoteAddr(), "range", range);
        return ApiResponse.ok(Map.of("address", range));
    }

    private static String range(String value) {
        try {
            return IpBlocklist.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "address: " + e.getMessage());
        }
    }

    static Duration duration(String value) {
        try {
            return ShortDuration.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "since: " + e.getMessage());
        }
    }
}
