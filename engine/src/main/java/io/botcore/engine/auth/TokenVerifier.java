package io.botcore.engine.auth;

import java.time.Instant;
import java.util.Optional;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Checks an access token outside the HTTP filter chain (the WebSocket handshake) with exactly the rules of the
 * API: signature, algorithm, issuer, audience, time, and an existing active user whose token version matches.
 *
 * <p>Thread-safe.
 */
public final class TokenVerifier {

    private final JwtDecoder decoder;
    private final UserStore users;

    TokenVerifier(JwtDecoder decoder, UserStore users) {
        this.decoder = decoder;
        this.users = users;
    }

    /** A valid token's user and when the token expires. */
    public record Verified(AuthenticatedUser user, Instant expiresAt) {
    }

    /** The token's user, or empty for any token the API would refuse. */
    public Optional<Verified> verify(String token) {
        if (token == null || token.isBlank() || token.length() > 4096) {
            return Optional.empty();
        }
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtException e) {
            return Optional.empty();
        }
        return users.findById(jwt.getSubject())
                .filter(UserAccount::active)
                .filter(u -> jwt.getClaim("ver") instanceof Number ver && ver.intValue() == u.tokenVersion())
                .map(u -> new Verified(new AuthenticatedUser(u.id(), u.email(), u.role()), jwt.getExpiresAt()));
    }
}
