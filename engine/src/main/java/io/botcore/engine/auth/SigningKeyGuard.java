package io.botcore.engine.auth;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import io.botcore.engine.admin.AuditLog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;

import org.bson.Document;

/**
 * Makes key rotation ({@code generate-secrets} + restart) end every session: at start the engine compares
 * the SHA-256 of its signing key with the one stored in {@code system_settings}; when they differ every
 * refresh token is revoked (access tokens already fail the new key) and the rotation is audited.
 */
final class SigningKeyGuard {

    private SigningKeyGuard() {
    }

    static void check(MongoDatabase database, String secret, RefreshTokens refreshTokens, AuditLog audit, Clock clock) {
        MongoCollection<Document> settings = database.getCollection("system_settings");
        String fingerprint = sha256(secret);
        Document stored = settings.find(Filters.eq("_id", "signing_key")).first();
        if (stored != null && fingerprint.equals(stored.getString("sha256"))) {
            return;
        }
        if (stored != null) {
            long revoked = refreshTokens.revokeEverything();
            audit.record("keys.rotated", "engine", "local", "refresh_tokens_revoked", revoked);
        }
        settings.replaceOne(Filters.eq("_id", "signing_key"), new Document("_id", "signing_key")
                .append("sha256", fingerprint).append("at", Date.from(clock.instant())), new ReplaceOptions().upsert(true));
    }

    private static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
