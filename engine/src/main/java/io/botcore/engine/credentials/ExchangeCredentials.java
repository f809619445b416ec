package io.botcore.engine.credentials;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import io.botcore.platform.logging.SecretRegistry;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;

import org.bson.Document;

/**
 * Each user's exchange API key and secret, sealed with AES-GCM ({@link ExchangeKeyCipher}) in the
 * {@code exchange_credentials} collection, one document per user: {@code {_id: user id, api_key, api_secret,
 * testnet, key_id, updated_at}}. {@link #find} is the lookup the live-trading code uses; every value it opens
 * or stores is registered with {@link SecretRegistry}, so it is masked in any log line.
 *
 * <p>Key rotation: the previous key ({@code EXCHANGE_KEY_ENCRYPTION_KEY_PREVIOUS}) still opens what it sealed,
 * and {@link #reseal()} (run at engine start) seals those values again under the current key.
 *
 * <p>Without {@code EXCHANGE_KEY_ENCRYPTION_KEY} nothing can be stored or read ({@link #available()} is false).
 * Thread-safe.
 */
public final class ExchangeCredentials {

    private final MongoCollection<Document> store;
    private final ExchangeKeyCipher current;
    private final ExchangeKeyCipher previous;
    private final Clock clock;

    /**
     * A user's credentials in the clear; {@link #toString()} masks them.
     *
     * @param apiKey the exchange API key
     * @param apiSecret the exchange API secret
     * @param testnet true for the exchange's test network
     * @param updatedAt when they were stored
     */
    public record Credentials(String apiKey, String apiSecret, boolean testnet, Instant updatedAt) {
        public Credentials {
            Objects.requireNonNull(apiKey, "apiKey");
            Objects.requireNonNull(apiSecret, "apiSecret");
        }

        /** The key as shown to its owner: first and last four characters. */
        public String maskedKey() {
            return mask(apiKey, true);
        }

        /** The secret as shown to its owner: its last four characters only. */
        public String maskedSecret() {
            return mask(apiSecret, false);
        }

        @Override
        public String toString() {
            return "Credentials[apiKey=" + maskedKey() + ", apiSecret=" + maskedSecret() + ", testnet=" + testnet + "]";
        }
    }

    /**
     * @param current the key that seals, or null when none is configured
     * @param previous the key of before the last rotation, or null
     */
    public ExchangeCredentials(MongoDatabase database, ExchangeKeyCipher current, ExchangeKeyCipher previous,
            Clock clock) {
        this.store = database.getCollection("exchange_credentials");
        this.current = current;
        this.previous = previous;
        this.clock = clock;
    }

    /** True when an encryption key is configured. */
    public boolean available() {
        return current != null;
    }

    /** Seals and stores the user's credentials, replacing earlier ones. */
    public Credentials save(String userId, String apiKey, String apiSecret, boolean testnet) {
        SecretRegistry.register(apiKey);
        SecretRegistry.register(apiSecret);
        Instant now = clock.instant();
        ExchangeKeyCipher cipher = cipher();
        store.replaceOne(Filters.eq("_id", userId), new Document("_id", userId)
                .append("api_key", cipher.seal(apiKey, userId + "/api_key"))
                .append("api_secret", cipher.seal(apiSecret, userId + "/api_secret"))
                .append("testnet", testnet).append("key_id", cipher.id()).append("updated_at", Date.from(now)),
                new ReplaceOptions().upsert(true));
        return new Credentials(apiKey, apiSecret, testnet, now);
    }

    /**
     * The user's credentials, opened.
     *
     * @throws ExchangeKeyCipher.TamperedException when the stored values do not authenticate
     */
    public Optional<Credentials> find(String userId) {
        Document doc = store.find(Filters.eq("_id", userId)).first();
        if (doc == null) {
            return Optional.empty();
        }
        ExchangeKeyCipher cipher = cipherFor(doc);
        Credentials credentials = new Credentials(cipher.open(doc.getString("api_key"), userId + "/api_key"),
                cipher.open(doc.getString("api_secret"), userId + "/api_secret"), doc.getBoolean("testnet", false),
                doc.getDate("updated_at").toInstant());
        SecretRegistry.register(credentials.apiKey());
        SecretRegistry.register(credentials.apiSecret());
        return Optional.of(credentials);
    }

    /** @return true when the user had credentials */
    public boolean delete(String userId) {
        return store.deleteOne(Filters.eq("_id", userId)).getDeletedCount() == 1;
    }

    /**
     * Seals every value still sealed with the previous key again under the current one, and registers every
     * stored value for log masking.
     *
     * @return how many users' credentials were sealed again
     */
    public int reseal() {
        if (current == null) {
            return 0;
        }
        int resealed = 0;
        for (Document doc : store.find()) {
            String userId = doc.getString("_id");
            Credentials credentials = find(userId).orElseThrow();
            if (!current.id().equals(doc.getString("key_id"))) {
                store.updateOne(Filters.and(Filters.eq("_id", userId), Filters.eq("key_id", doc.getString("key_id"))),
                        new Document("$set", new Document("api_key", current.seal(credentials.apiKey(), userId
                                + "/api_key")).append("api_secret", current.seal(credentials.apiSecret(), userId
                                + "/api_secret")).append("key_id", current.id())));
                resealed++;
            }
        }
        return resealed;
    }

    private ExchangeKeyCipher cipher() {
        if (current == null) {
            throw new IllegalStateException("EXCHANGE_KEY_ENCRYPTION_KEY is not set; run ./bot-core generate-secrets");
        }
        return current;
    }

    private ExchangeKeyCipher cipherFor(Document doc) {
        String keyId = doc.getString("key_id");
        if (current != null && current.id().equals(keyId)) {
            return current;
        }
        if (previous != null && previous.id().equals(keyId)) {
            return previous;
        }
        throw new ExchangeKeyCipher.TamperedException("the stored credentials were sealed with key " + keyId
                + ", which is neither EXCHANGE_KEY_ENCRYPTION_KEY nor EXCHANGE_KEY_ENCRYPTION_KEY_PREVIOUS");
    }

    static String mask(String value, boolean showStart) {
        if (value.length() < 12) {
            return "****";
        }
        String end = value.substring(value.length() - 4);
        return showStart ? value.substring(0, 4) + "…" + end : "****…" + end;
    }
}
