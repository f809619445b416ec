package io.botcore.engine.auth;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;

/**
 * Refresh tokens: 256 random bits given to the client once, stored only as their SHA-256. Each is
 * good for one use; using it returns a new one of the same family. Presenting a token that was
 * already used means it was copied, so its whole family is revoked.
 *
 * <p>Thread-safe (the one-use check is a single atomic update).
 */
public final class RefreshTokens {

    private final MongoCollection<Document> tokens;
    private final Clock clock;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();

    public RefreshTokens(MongoDatabase database, Clock clock, Duration ttl) {
        this.tokens = database.getCollection("refresh_tokens");
        this.clock = clock;
        this.ttl = ttl;
    }

    /** A new token in a new family, valid while the user's token version stays {@code tokenVersion}. */
    public String issue(String userId, int tokenVersion) {
        return issue(userId, UUID.randomUUID().toString(), tokenVersion);
    }

    /**
     * Uses a token once.
     *
     * @return the user id and family when the token is valid and unused; empty otherwise (a reused token
     *     revokes its family first)
     */
    public Optional<Use> use(String token) {
        Instant now = clock.instant();
        String hash = hash(token);
        Document used = tokens.findOneAndUpdate(Filters.and(Filters.eq("_id", hash), Filters.eq("used_at", null),
                Filters.eq("revoked", false), Filters.gt("expires_at", Date.from(now))),
                Updates.set("used_at", Date.from(now)));
        if (used != null) {
            return Optional.of(new Use(used.getString("user_id"), used.getString("family"),
                    used.getInteger("token_version", -1)));
        }
        Document known = tokens.find(Filters.eq("_id", hash)).first();
        if (known != null && known.get("used_at") != null) {
            revokeFamily(known.getString("family"));
        }
        return Optional.empty();
    }

    /** The next token of a family, after a successful {@link #use}. */
    public String rotate(Use use) {
        return issue(use.userId(), use.family(), use.tokenVersion());
    }

    /** Logout: the family of this token can no longer refresh. */
    public void revoke(String token) {
        Document known = tokens.find(Filters.eq("_id", hash(token))).first();
        if (known != null) {
            revokeFamily(known.getString("family"));
        }
    }

    public void revokeAll(String userId) {
        tokens.updateMany(Filters.eq("user_id", userId), Updates.set("revoked", true));
    }

    private void revokeFamily(String family) {
        tokens.updateMany(Filters.eq("family", family), Updates.set("revoked", true));
    }

    /** Every refresh token of every user: after the signing key changed (incident response). */
    public long revokeEverything() {
        return tokens.updateMany(Filters.eq("revoked", false), Updates.set("revoked", true)).getModifiedCount();
    }

    private String issue(String userId, String family, int tokenVersion) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        tokens.insertOne(new Document("_id", hash(token)).append("user_id", userId).append("family", family)
                .append("token_version", tokenVersion)
                .append("created_at", Date.from(now)).append("expires_at", Date.from(now.plus(ttl)))
                .append("used_at", null).append("revoked", false));
        return token;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(token).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A successful use: whose token it was, its family and the user's token version when it was issued. */
    public record Use(String userId, String family, int tokenVersion) {
    }
}
