package io.botcore.exchange.binance;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs Binance's {@code SIGNED} requests: the lower-case hex HMAC-SHA256 of the request's total parameters (the
 * query string, followed by the body when there is one) keyed with the API secret, sent as the last parameter
 * {@code signature}.
 *
 * <p>The secret never leaves this object: {@link #toString()} does not show it. Thread-safe.
 */
public final class BinanceSigner {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /**
     * @param secret the API secret
     * @throws IllegalArgumentException if it is blank
     */
    public BinanceSigner(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isBlank()) {
            throw new IllegalArgumentException("Binance API secret must not be blank");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The hex signature of {@code totalParams}, for example {@code symbol=LTCBTC&side=BUY&...&timestamp=...}. */
    public String sign(String totalParams) {
        Objects.requireNonNull(totalParams, "totalParams");
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(totalParams.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("this JVM cannot compute " + ALGORITHM, e);
        }
    }

    /** Whether {@code signature} is the signature of {@code totalParams}, compared in constant time. */
    public boolean verify(String totalParams, String signature) {
        return signature != null && MessageDigest.isEqual(
                sign(totalParams).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "BinanceSigner[secret=***]";
    }
}
