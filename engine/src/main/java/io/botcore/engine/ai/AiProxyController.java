package io.botcore.engine.ai;

import io.botcore.engine.EngineSettings;
import io.botcore.platform.web.ApiResponse;

import jakarta.servlet.http.HttpServletRequest;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The AI service's routes under the engine's {@code /api/ai/*}, as the original engine proxied them (API.md §1.4),
 * so the dashboard and scripts need one address and one token. Each call goes to the service at {@code ai.url}
 * with the caller's own access token (the service accepts engine tokens) and comes back as the service answered
 * it, status and body, including its refusals (503 without a trained model, 400 naming a field). When the service
 * cannot be reached or gives no answer within the timeout the engine answers 503
 * {@code {success:false, error:"AI service unavailable: ..."}}.
 */
@RestController
class AiProxyController {

    /** Status and info are cheap reads. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(3);
    /** An analysis computes features and may ask the explainer; it still has to answer a person waiting. */
    static final Duration ANALYSIS_TIMEOUT = Duration.ofSeconds(10);

    private final AiServiceClient client;

    AiProxyController(EngineSettings settings) {
        this.client = new AiServiceClient(settings.aiServiceUrl(), Duration.ofSeconds(2));
    }

    @GetMapping("/api/ai/status")
    ResponseEntity<?> status(HttpServletRequest request) {
        return relay("GET", "/api/ai/status", request, null, READ_TIMEOUT);
    }

    @GetMapping("/api/ai/info")
    ResponseEntity<?> info(HttpServletRequest request) {
        return relay("GET", "/api/ai/info", request, null, READ_TIMEOUT);
    }

    @GetMapping("/api/ai/strategies")
    ResponseEntity<?> strategies(HttpServletRequest request) {
        return relay("GET", "/api/ai/strategies", request, null, READ_TIMEOUT);
    }

    @PostMapping("/api/ai/analyze")
    ResponseEntity<?> analyze(HttpServletRequest request, @RequestBody byte[] body) {
        return relay("POST", "/api/ai/analyze", request, body, ANALYSIS_TIMEOUT);
    }

    @PostMapping("/api/ai/market-condition")
    ResponseEntity<?> marketCondition(HttpServletRequest request, @RequestBody byte[] body) {
        return relay("POST", "/api/ai/market-condition", request, body, ANALYSIS_TIMEOUT);
    }

    @PostMapping("/api/ai/feedback")
    ResponseEntity<?> feedback(HttpServletRequest request, @RequestBody byte[] body) {
        return relay("POST", "/api/ai/feedback", request, body, READ_TIMEOUT);
    }

    private ResponseEntity<?> relay(String method, String path, HttpServletRequest request, byte[] body,
            Duration timeout) {
        String token = bearer(request.getHeader(HttpHeaders.AUTHORIZATION));
        try {
            AiServiceClient.Relayed answer = client.relay(method, path, token, body, timeout);
            return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON).body(answer.body());
        } catch (AiUnavailableException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(ApiResponse.error("AI service unavailable: " + e.getMessage()));
        }
    }

    /** The token the security filter already accepted; the route is only reached with one. */
    private static String bearer(String header) {
        return header.substring("Bearer ".length()).strip();
    }
}
