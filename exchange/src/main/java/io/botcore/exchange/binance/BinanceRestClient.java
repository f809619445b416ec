package io.botcore.exchange.binance;

import io.botcore.core.market.Candle;
import io.botcore.core.market.Interval;
import io.botcore.exchange.ExchangeBannedException;
import io.botcore.exchange.ExchangeUnavailableException;
import io.botcore.exchange.RateLimitedException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raw client for Binance's public spot REST API ({@code /api/v3/...}). Works against the live API,
 * the spot testnet ({@code https://testnet.binance.vision}) or the local fake server, chosen by base URL.
 *
 * <p>Thread-safe.
 */
public final class BinanceRestClient {

    /** Binance's public spot API. */
    public static final URI LIVE = URI.create("https://api.binance.com");
    /** Binance's spot testnet. */
    public static final URI TESTNET = URI.create("https://testnet.binance.vision");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Klines per request, Binance's maximum. */
    public static final int MAX_KLINES = 1000;

    private final URI baseUrl;
    private final HttpClient http;
    private final Duration timeout;
    private final RequestWeightBudget budget;

    /**
     * @param baseUrl scheme, host and port of the API, without {@code /api}
     * @param timeout bound on each whole request, connection included
     * @param budget the process-wide request-weight budget
     */
    public BinanceRestClient(URI baseUrl, Duration timeout, RequestWeightBudget budget) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** {@code GET /api/v3/ping} (weight 1): succeeds when the API answers 200. */
    public void ping() {
        get("/api/v3/ping", 1);
    }

    /** {@code GET /api/v3/time} (weight 1): the exchange's clock. */
    public Instant serverTime() {
        JsonNode body = get("/api/v3/time", 1);
        JsonNode time = body.get("serverTime");
        if (time == null || !time.canConvertToLong()) {
            throw new ExchangeUnavailableException("unexpected /api/v3/time answer: " + body);
        }
        return Instant.ofEpochMilli(time.asLong());
    }

    /**
     * {@code GET /api/v3/klines} (weight 2): up to {@value #MAX_KLINES} candles opening in
     * [{@code fromInclusive}, {@code toInclusive}], oldest first. The last one may still be open.
     *
     * @throws RateLimitedException on 429
     * @throws ExchangeBannedException on 418 (and for every call until the ban ends)
     */
    public List<Kline> klines(String symbol, Interval interval, long fromInclusive, long toInclusive, int limit) {
        JsonNode body = get("/api/v3/klines?symbol=" + symbol + "&interval=" + interval.code() + "&startTime="
                + fromInclusive + "&endTime=" + toInclusive + "&limit=" + limit, 2);
        if (!body.isArray()) {
            throw new ExchangeUnavailableException("unexpected /api/v3/klines answer: " + abbreviate(body.toString()));
        }
        List<Kline> klines = new ArrayList<>(body.size());
        for (JsonNode row : body) {
            klines.add(new Kline(new Candle(row.get(0).asLong(), number(row.get(1)), number(row.get(2)),
                    number(row.get(3)), number(row.get(4)), number(row.get(5))), row.get(6).asLong()));
        }
        return klines;
    }

    /** One kline: the candle and its close time (epoch ms, inclusive), to tell whether it has closed. */
    public record Kline(Candle candle, long closeTime) {
    }

    private static double number(JsonNode node) {
        return Double.parseDouble(node.asString());
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private JsonNode get(String path, int weight) {
        URI uri = baseUrl.resolve(path);
        try {
            budget.acquire(weight);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeUnavailableException("interrupted while waiting for request weight", e);
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ExchangeUnavailableException("no answer from " + uri + " within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new ExchangeUnavailableException("cannot reach " + uri + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeUnavailableException("interrupted while calling " + uri, e);
        }
        response.headers().firstValue("X-MBX-USED-WEIGHT-1M").ifPresent(used -> {
            try {
                budget.reportUsed(Integer.parseInt(used.trim()));
            } catch (NumberFormatException ignored) {
                // a malformed header tells us nothing; our own count stands
            }
        });
        if (response.statusCode() == 429 || response.statusCode() == 418) {
            Duration retryAfter = Duration.ofSeconds(response.headers().firstValue("Retry-After")
                    .map(String::trim).filter(v -> v.matches("\\d{1,7}")).map(Long::parseLong).orElse(60L));
            if (response.statusCode() == 418) {
                Instant until = Instant.now().plus(retryAfter);
                budget.banned(until);
                throw new ExchangeBannedException("Binance banned this IP (HTTP 418) until " + until
                        + "; stop and check what ignored the 429s", until);
            }
            throw new RateLimitedException(uri + " answered HTTP 429; retry after " + retryAfter.toSeconds() + " s",
                    retryAfter);
        }
        if (response.statusCode() != 200) {
            throw new ExchangeUnavailableException(uri + " answered HTTP " + response.statusCode());
        }
        try {
            return JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new ExchangeUnavailableException(uri + " answered with invalid JSON", e);
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
