package io.botcore.ai.testdata;

import com.mongodb.client.MongoDatabase;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Access tokens as the engine issues them (HS256, iss bot-core, aud bot-core-api, sub, role, ver, iat, nbf, exp,
 * jti) and users as the engine stores them, for the AI service's tests.
 */
public final class TestTokens {

    /** A 64-character key, as generate-secrets writes. */
    public static final String SECRET = "test-secret-0123456789-0123456789-0123456789-0123456789-abcdefgh";

    private TestTokens() {
    }

    /** Inserts an active user with token version 0 into {@code users}; returns its id. */
    public static String user(MongoDatabase database, boolean active) {
        ObjectId id = new ObjectId();
        database.getCollection("users").insertOne(new Document("_id", id).append("email", id + "@example.com")
                .append("role", "user").append("is_active", active).append("token_version", 0)
                .append("created_at", new Date()));
        return id.toHexString();
    }

    /** A token for {@code userId} with version {@code ver}, signed with {@code secret}, valid for an hour. */
    public static String token(String userId, int ver, String secret) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("bot-core").audience("bot-core-api").subject(userId)
                .claim("role", "user").claim("ver", ver).issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1)))).jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
