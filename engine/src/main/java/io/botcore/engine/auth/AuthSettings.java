package io.botcore.engine.auth;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Authentication settings.
 *
 * @param jwtSecret HS256 key material ({@code JWT_SECRET}), at least 43 characters
 * @param accessTokenTtl lifetime of an access token
 * @param refreshTokenTtl lifetime of a refresh token
 * @param bcryptCost bcrypt work factor
 * @param loginsPerMinutePerIp login attempts one client address may make per minute
 * @param corsOrigins origins allowed to call the API from a browser (empty: same origin only)
 * @param exchangeKeyEncryptionKey AES key sealing exchange API keys ({@code EXCHANGE_KEY_ENCRYPTION_KEY}), or null
 * @param previousExchangeKeyEncryptionKey the key before the last rotation, or null
 * @param selfRegistration whether {@code POST /api/auth/register} creates trader accounts (off by default)
 */
public record AuthSettings(String jwtSecret, Duration accessTokenTtl, Duration refreshTokenTtl, int bcryptCost,
        int loginsPerMinutePerIp, List<String> corsOrigins, String exchangeKeyEncryptionKey,
        String previousExchangeKeyEncryptionKey, boolean selfRegistration) {

    public AuthSettings {
        Objects.requireNonNull(jwtSecret, "jwtSecret");
        Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
        Objects.requireNonNull(refreshTokenTtl, "refreshTokenTtl");
        corsOrigins = List.copyOf(corsOrigins);
    }

    @Override
    public String toString() {
        return "AuthSettings[jwtSecret=****, accessTokenTtl=" + accessTokenTtl + ", refreshTokenTtl=" + refreshTokenTtl
                + ", bcryptCost=" + bcryptCost + ", loginsPerMinutePerIp=" + loginsPerMinutePerIp + ", corsOrigins="
                + corsOrigins + ", exchangeKeyEncryptionKey=" + (exchangeKeyEncryptionKey == null ? "unset" : "****")
                + ", selfRegistration=" + selfRegistration + "]";
    }
}
