package io.botcore.engine.credentials;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.botcore.engine.admin.AuditLog;
import io.botcore.engine.auth.AuthenticatedUser;
import io.botcore.engine.auth.Role;
import io.botcore.platform.web.ApiException;
import io.botcore.platform.web.ApiResponse;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/settings/exchange-keys} (also at the original's {@code /api/settings/api-keys}): a user stores,
 * reads back masked, and deletes their own exchange API key and secret. The secret never leaves the engine
 * again: answers carry masks only, audit entries carry the masked key only, log lines mask both.
 */
@RestController
@RequestMapping({"/api/settings/exchange-keys", "/api/settings/api-keys"})
class ExchangeKeysController {

    private final ExchangeCredentials credentials;
    private final AuditLog audit;

    ExchangeKeysController(ExchangeCredentials credentials, AuditLog audit) {
        this.credentials = credentials;
        this.audit = audit;
    }

    record KeysRequest(
            @JsonProperty("api_key") @NotBlank(message = "is required")
            @Pattern(regexp = "[A-Za-z0-9_-]{16,256}", message = "must be 16 to 256 letters, digits, _ or -")
            String apiKey,
            @JsonProperty("api_secret") @NotBlank(message = "is required")
            @Pattern(regexp = "[A-Za-z0-9_-]{16,256}", message = "must be 16 to 256 letters, digits, _ or -")
            String apiSecret,
            @JsonAlias("use_testnet") Boolean testnet) {
    }

    @GetMapping
    ApiResponse<Map<String, Object>> get(@AuthenticationPrincipal AuthenticatedUser caller) {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            requireAvailable().find(caller.id()).ifPresentOrElse(c -> out.putAll(view(c)), () -> out.put("configured",
                    false));
        } catch (ExchangeKeyCipher.TamperedException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "your stored exchange keys cannot be opened by this "
                    + "engine: " + e.getMessage() + "; give every engine the same EXCHANGE_KEY_ENCRYPTION_KEY, or "
                    + "store the keys again");
        }
        return ApiResponse.ok(out);
    }

    @RequestMapping(method = {RequestMethod.PUT, RequestMethod.POST})
    ApiResponse<Map<String, Object>> put(@AuthenticationPrincipal AuthenticatedUser caller,
            @Valid @RequestBody KeysRequest body, HttpServletRequest request) {
        requireWriter(caller);
        ExchangeCredentials.Credentials saved = requireAvailable().save(caller.id(), body.apiKey(), body.apiSecret(),
                Boolean.TRUE.equals(body.testnet()));
        audit.record("exchange_keys.saved", caller.email(), request.getRemoteAddr(), "api_key", saved.maskedKey(),
                "testnet", saved.testnet());
        return ApiResponse.ok(view(saved));
    }

    @DeleteMapping
    ApiResponse<Map<String, Object>> delete(@AuthenticationPrincipal AuthenticatedUser caller,
            HttpServletRequest request) {
        requireWriter(caller);
        if (!requireAvailable().delete(caller.id())) {
            throw new ApiException(HttpStatus.NOT_FOUND, "no exchange keys are stored for you");
        }
        audit.record("exchange_keys.deleted", caller.email(), request.getRemoteAddr());
        return ApiResponse.ok(Map.of("configured", false));
    }

    private ExchangeCredentials requireAvailable() {
        if (!credentials.available()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "exchange key storage is off: "
                    + "EXCHANGE_KEY_ENCRYPTION_KEY is not set (run ./bot-core generate-secrets, then restart)");
        }
        return credentials;
    }

    private static void requireWriter(AuthenticatedUser caller) {
        if (caller.role() == Role.VIEWER) {
            throw new ApiException(HttpStatus.FORBIDDEN, "your role (viewer) may only read");
        }
    }

    private static Map<String, Object> view(ExchangeCredentials.Credentials c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("configured", true);
        out.put("api_key_masked", c.maskedKey());
        out.put("api_secret_masked", c.maskedSecret());
        out.put("testnet", c.testnet());
        out.put("use_testnet", c.testnet());
        out.put("last_updated", c.updatedAt());
        return out;
    }
}
