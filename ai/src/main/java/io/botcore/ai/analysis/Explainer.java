package io.botcore.ai.analysis;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An optional paragraph in plain words about an analysis, written by an OpenAI-compatible chat endpoint
 * ({@code POST <url>/chat/completions}) from the model's numbers. It only describes: the signal, probabilities
 * and reasons are computed before it is asked and never depend on it. Off unless {@code explanation.url} and
 * {@code AI_EXPLAIN_API_KEY} are both set; each call is cut off after {@code explanation.timeout}.
 *
 * <p>Thread-safe.
 */
public final class Explainer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SYSTEM = "You explain a trading model's output to a trader in one short paragraph "
            + "of plain English. Use only the numbers given; do not add predictions, advice or certainty the numbers "
            + "do not carry.";

    private final URI endpoint;
    private final String apiKey;
    private final String model;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param baseUrl the API's base, for example {@code https://api.openai.com/v1}
     */
    public Explainer(URI baseUrl, String apiKey, String model, Duration timeout) {
        String base = Objects.requireNonNull(baseUrl, "baseUrl").toString();
        this.endpoint = URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.model = Objects.requireNonNull(model, "model");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** The paragraph, or the reason there is none. */
    public record Outcome(String text, String error) {
    }

    /** Asks for a paragraph about {@code analysis} (the fields the analyser computed); never throws. */
    public Outcome explain(Map<String, Object> analysis) {
        ObjectNode body = JSON.createObjectNode().put("model", model).put("temperature", 0).put("max_tokens", 200);
        var messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", SYSTEM);
        Map<String, Object> facts = new java.util.LinkedHashMap<>();
        for (String key : List.of("symbol", "timeframe", "signal", "confidence", "probabilities", "horizon_bars",
                "signal_threshold", "reasons", "model_version")) {
            facts.put(key, analysis.get(key));
        }
        messages.addObject().put("role", "user").put("content", JSON.writeValueAsString(facts));
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return new Outcome(null, "explanation endpoint answered " + response.statusCode());
            }
            JsonNode content = JSON.readTree(response.body()).path("choices").path(0).path("message").path("content");
            if (!content.isString() || content.asString().isBlank()) {
                return new Outcome(null, "explanation endpoint gave no message content");
            }
            return new Outcome(content.asString().strip(), null);
        } catch (java.net.http.HttpTimeoutException e) {
            return new Outcome(null, "explanation endpoint gave no answer within " + timeout.toMillis() + " ms");
        } catch (IOException | RuntimeException e) {
            return new Outcome(null, "explanation endpoint failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted");
        }
    }
}
