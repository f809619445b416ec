package io.botcore.engine.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues short-lived HS256 access tokens: {@code iss=bot-core}, {@code aud=bot-core-api}, {@code sub} (user
 * id), {@code role}, {@code ver} (the user's token version), {@code iat}, {@code nbf}, {@code exp}, {@code jti}.
 * Verification is Spring Security's resource server with exactly this key, algorithm, issuer and audience.
 */
public final class TokenService {

    public static final String ISSUER = "bot-core";
    public static final String AUDIENCE = "bot-core-api";

    private final SecretKey key;
    private final AuthSettings settings;
    private final Clock clock;

    public TokenService(AuthSettings settings, Clock clock) {
        this.key = key(settings.jwtSecret());
        this.settings = settings;
        this.clock = clock;
    }

    static SecretKey key(String secret) {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    SecretKey key() {
        return key;
    }

    /** A signed access token for the user, valid from now for the configured lifetime. */
    public String issue(UserAccount user) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(AUDIENCE).subject(user.id())
                .claim("email", user.email()).claim("role", user.role().id()).claim("ver", user.tokenVersion())
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(settings.accessTokenTtl())))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    public long accessTokenSeconds() {
        return settings.accessTokenTtl().toSeconds();
    }
}
