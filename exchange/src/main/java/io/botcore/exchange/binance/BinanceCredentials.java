package io.botcore.exchange.binance;

import java.util.Objects;

/**
 * An API key and its secret. {@link #toString()} shows neither, so a logged object or a failed assertion never
 * leaks them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param apiKey sent in the {@code X-MBX-APIKEY} header
 * @param secret keys the HMAC-SHA256 signature; never sent
 */
public record BinanceCredentials(String apiKey, String secret) {

    public BinanceCredentials {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(secret, "secret");
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("Binance API key (BINANCE_API_KEY) must not be blank");
        }
        if (secret.isBlank()) {
            throw new IllegalArgumentException("Binance API secret (BINANCE_API_SECRET) must not be blank");
        }
    }

    @Override
    public String toString() {
        return "BinanceCredentials[apiKey=***, secret=***]";
    }
}
