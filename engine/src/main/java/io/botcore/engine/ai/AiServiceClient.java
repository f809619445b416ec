package io.botcore.engine.ai;

import io.botcore.core.market.Candle;
import io.botcore.core.market.Interval;
import io.botcore.core.strategy.Side;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Calls the AI service's {@code POST /api/ai/analyze} with a window of closed candles and the caller's access
 * token, within a timeout, and reads the signal; {@link #relay} passes any other call through for the engine's
 * {@code /api/ai/*} routes. Every failure to get an answer becomes an {@link AiUnavailableException} with a
 * reason; nothing is retried here (the circuit breaker around the strategy's calls decides when to try again).
 *
 * <p>Thread-safe.
 */
public final class AiServiceClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI base;
    private final URI analyze;

    /** A client of the AI service at {@code baseUrl} (for example {@code http://127.0.0.1:8000}). */
    public AiServiceClient(URI baseUrl, Duration connectTimeout) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        this.base = baseUrl;
        this.analyze = baseUrl.resolve("/api/ai/analyze");
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * The service's signal for the last candle of {@code window}.
     *
     * @throws AiUnavailableException when the service does not answer within {@code timeout}, refuses, or answers
     *                                something unreadable
     */
    public AiSignal analyze(String token, String symbol, Interval interval, List<Candle> window, Duration timeout) {
        ObjectNode body = JSON.createObjectNode().put("symbol", symbol);
        Candle last = window.get(window.size() - 1);
        body.put("current_price", last.close()).put("timestamp", last.openTime());
        ArrayNode candles = body.putObject("timeframe_data").putArray(interval.code());
        for (Candle c : window) {
            candles.addObject().put("open_time", c.openTime()).put("open", c.open()).put("high", c.high())
                    .put("low", c.low()).put("close", c.close()).put("volume", c.volume());
        }
        HttpRequest request = HttpRequest.newBuilder(analyze).timeout(timeout)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        HttpResponse<String> response = send(request, timeout);
        int status = response.statusCode();
        if (status != 200) {
            String reason = status == 503 ? "no_model" : status >= 400 && status < 500 ? "refused" : "error";
            throw new AiUnavailableException(reason, "AI service answered " + status + ": " + error(response.body()));
        }
        try {
            return parse(JSON.readTree(response.body()).path("data"));
        } catch (RuntimeException e) {
            throw new AiUnavailableException("error", "unreadable AI answer: " + e.getMessage(), e);
        }
    }

    private static AiSignal parse(JsonNode data) {
        String signal = data.path("signal").asString();
        Side side = switch (signal) {
            case "Long" -> Side.BUY;
            case "Short" -> Side.SELL;
            case "Neutral" -> Side.HOLD;
            default -> throw new IllegalArgumentException("signal '" + signal + "' is not Long, Short or Neutral");
        };
        JsonNode p = data.path("probabilities");
        return new AiSignal(side, required(data, "confidence"), required(data, "score"), required(p, "up"),
                required(p, "down"), data.path("model_version").asString(),
                Instant.parse(data.path("model_trained_at").asString()),
                data.path("candle_open_time").asLong());
    }

    /** The AI service's answer to a relayed call, as it came: HTTP status and JSON body. */
    public record Relayed(int status, String body) {
    }

    /**
     * Relays a call to the AI service's {@code path} with the caller's access token and JSON body ({@code null}
     * for a GET), and returns whatever the service answered, errors included.
     *
     * @throws AiUnavailableException when the service does not answer within {@code timeout} or cannot be reached
     */
    public Relayed relay(String method, String path, String token, byte[] body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Accept", "application/json").header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofByteArray(body));
        }
        HttpResponse<String> response = send(request.build(), timeout);
        return new Relayed(response.statusCode(), response.body());
    }

    private HttpResponse<String> send(HttpRequest request, Duration timeout) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new AiUnavailableException("unreachable", "AI service at " + base + " unreachable: " + e, e);
        } catch (HttpTimeoutException e) {
            throw new AiUnavailableException("timeout", "AI service gave no answer within " + timeout.toMillis()
                    + " ms", e);
        } catch (IOException e) {
            throw new AiUnavailableException("unreachable", "AI service at " + base + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AiUnavailableException("unreachable", "interrupted while waiting for the AI service", e);
        }
    }

    private static double required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException("no number '" + field + "'");
        }
        return value.asDouble();
    }

    private static String error(String body) {
        try {
            String error = JSON.readTree(body).path("error").asString();
            return error.isEmpty() ? body : error;
        } catch (RuntimeException e) {
            return body.length() > 200 ? body.substring(0, 200) : body;
        }
    }
}
