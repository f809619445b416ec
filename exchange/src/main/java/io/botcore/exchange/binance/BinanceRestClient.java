package io.botcore.exchange.binance;

import io.botcore.core.market.Candle;
import io.botcore.core.market.Interval;
import io.botcore.exchange.ExchangeBannedException;
import io.botcore.exchange.ExchangeUnavailableException;
import io.botcore.exchange.RateLimitedException;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

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

    /** Klines per request, Binance's maximum. */
    public static final int MAX_KLINES = 1000;

    private final BinanceHttp http;

    /**
     * @param baseUrl scheme, host and port of the API, without {@code /api}
     * @param timeout bound on each whole request, connection included
     * @param budget the process-wide request-weight budget
     */
    public BinanceRestClient(URI baseUrl, Duration timeout, RequestWeightBudget budget) {
        this.http = new BinanceHttp(baseUrl, timeout, budget, Clock.systemUTC());
    }

    public URI baseUrl() {
        return http.baseUrl();
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

    private JsonNode get(String pathAndQuery, int weight) {
        int q = pathAndQuery.indexOf('?');
        return http.send("GET", q < 0 ? pathAndQuery : pathAndQuery.substring(0, q),
                q < 0 ? "" : pathAndQuery.substring(q + 1), weight, Map.of());
    }
}
