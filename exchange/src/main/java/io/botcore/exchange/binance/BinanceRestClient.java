package io.botcore.exchange.binance;

import io.botcore.exchange.ExchangeUnavailableException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
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

    private final URI baseUrl;
    private final HttpClient http;
    private final Duration timeout;

    /**
     * @param baseUrl scheme, host and port of the API, without {@code /api}
     * @param timeout bound on each whole request, connection included
     */
    public BinanceRestClient(URI baseUrl, Duration timeout) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** {@code GET /api/v3/ping}: succeeds when the API answers 200. */
    public void ping() {
        get("/api/v3/ping");
    }

    /** {@code GET /api/v3/time}: the exchange's clock. */
    public Instant serverTime() {
        JsonNode body = get("/api/v3/time");
        JsonNode time = body.get("serverTime");
        if (time == null || !time.canConvertToLong()) {
            throw new ExchangeUnavailableException("unexpected /api/v3/time answer: " + body);
        }
        return Instant.ofEpochMilli(time.asLong());
    }

    private JsonNode get(String path) {
        URI uri = baseUrl.resolve(path);
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
