package io.botcore.exchange.binance;

import io.botcore.exchange.ExchangeBannedException;
import io.botcore.exchange.ExchangeUnavailableException;
import io.botcore.exchange.RateLimitedException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP exchange every Binance REST call goes through: takes the request weight from the process-wide budget
 * first, bounds the call by a timeout, adopts the exchange's weight count from {@code X-MBX-USED-WEIGHT-1M}, and
 * turns answers into outcomes by what the caller should do: 429 → {@link RateLimitedException} (wait Retry-After),
 * 418 → {@link ExchangeBannedException} (stop; the budget refuses every call until the ban ends), 4xx with
 * Binance's {@code code}/{@code msg} → {@link BinanceApiException} (not executed), 5xx, timeouts and unreachable
 * → {@link ExchangeUnavailableException} (for a write, the outcome is unknown).
 *
 * <p>Messages name the method and path, never the query, so signatures and listen keys stay out of logs.
 *
 * <p>Thread-safe.
 */
final class BinanceHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI baseUrl;
    private final HttpClient http;
    private final Duration timeout;
    private final RequestWeightBudget budget;
    private final Clock clock;

    BinanceHttp(URI baseUrl, Duration timeout, RequestWeightBudget budget, Clock clock) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    URI baseUrl() {
        return baseUrl;
    }

    /**
     * Sends {@code method path?query} (query may be empty) with {@code headers} and returns the JSON answer of a
     * 200.
     */
    JsonNode send(String method, String path, String query, int weight, Map<String, String> headers) {
        URI uri = baseUrl.resolve(query.isEmpty() ? path : path + "?" + query);
        String name = baseUrl.resolve(path).toString();
        try {
            budget.acquire(weight);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeUnavailableException("interrupted while waiting for request weight", e);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(builder::header);
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ExchangeUnavailableException("no answer from " + name + " within " + timeout.toMillis() + " ms",
                    e);
        } catch (IOException e) {
            throw new ExchangeUnavailableException("cannot reach " + name + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeUnavailableException("interrupted while calling " + name, e);
        }
        response.headers().firstValue("X-MBX-USED-WEIGHT-1M").ifPresent(used -> {
            try {
                budget.reportUsed(Integer.parseInt(used.trim()));
            } catch (NumberFormatException ignored) {
                // a malformed header tells us nothing; our own count stands
            }
        });
        int status = response.statusCode();
        if (status == 429 || status == 418) {
            Duration retryAfter = Duration.ofSeconds(response.headers().firstValue("Retry-After")
                    .map(String::trim).filter(v -> v.matches("\\d{1,7}")).map(Long::parseLong).orElse(60L));
            if (status == 418) {
                Instant until = clock.instant().plus(retryAfter);
                budget.banned(until);
                throw new ExchangeBannedException("Binance banned this IP (HTTP 418) until " + until
                        + "; stop and check what ignored the 429s", until);
            }
            throw new RateLimitedException(name + " answered HTTP 429; retry after " + retryAfter.toSeconds() + " s",
                    retryAfter);
        }
        if (status >= 400 && status < 500) {
            JsonNode error = parseOrNull(response.body());
            if (error != null && error.path("code").canConvertToInt()) {
                throw new BinanceApiException(method + " " + path, status, error.get("code").asInt(),
                        error.path("msg").asString(""));
            }
        }
        if (status != 200) {
            throw new ExchangeUnavailableException(name + " answered HTTP " + status);
        }
        JsonNode body = parseOrNull(response.body());
        if (body == null) {
            throw new ExchangeUnavailableException(name + " answered with invalid JSON");
        }
        return body;
    }

    private static JsonNode parseOrNull(String body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String describe(IOException e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }
}
