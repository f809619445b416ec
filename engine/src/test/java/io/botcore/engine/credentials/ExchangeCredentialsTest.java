package io.botcore.engine.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import io.botcore.platform.logging.SecretRegistry;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exchange keys at rest: sealed, bound to their user and field, tamper-evident, and rotatable. */
class ExchangeCredentialsTest {

    private static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    private static final String API_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    private final byte[] rawKey = random(32);
    private final String key = Base64.getUrlEncoder().withoutPadding().encodeToString(rawKey);
    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        database = client.getDatabase("bot_core_credentials");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void shouldSealInTheDocumentedFormatThatPlainJcaOpens() throws Exception {
        String sealed = ExchangeKeyCipher.of(key).seal(API_SECRET, "user-1/api_secret");

        byte[] bytes = Base64.getDecoder().decode(sealed);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(rawKey, "AES"), new GCMParameterSpec(128, bytes, 0, 12));
        cipher.updateAAD("user-1/api_secret".getBytes(StandardCharsets.UTF_8));
        String opened = new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);

        assertThat(opened).isEqualTo(API_SECRET);
        assertThat(bytes).hasSize(12 + API_SECRET.length() + 16);
        assertThat(sealed).doesNotContain(API_SECRET.substring(0, 8));
        assertThat(ExchangeKeyCipher.of(key).seal(API_SECRET, "user-1/api_secret")).as("a fresh nonce each time")
                .isNotEqualTo(sealed);
    }

    @Test
    void shouldRefuseATamperedMovedOrForeignCiphertext() {
        ExchangeKeyCipher cipher = ExchangeKeyCipher.of(key);
        String sealed = cipher.seal(API_SECRET, "user-1/api_secret");
        byte[] bytes = Base64.getDecoder().decode(sealed);
        bytes[20] ^= 1;
        String tampered = Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> cipher.open(tampered, "user-1/api_secret"))
                .isInstanceOf(ExchangeKeyCipher.TamperedException.class).hasMessageContaining("does not authenticate");
        assertThatThrownBy(() -> cipher.open(sealed, "user-2/api_secret")).as("moved to another user")
                .isInstanceOf(ExchangeKeyCipher.TamperedException.class);
        assertThatThrownBy(() -> cipher.open(sealed, "user-1/api_key")).as("moved to another field")
                .isInstanceOf(ExchangeKeyCipher.TamperedException.class);
        assertThatThrownBy(() -> ExchangeKeyCipher.of(Base64.getEncoder().encodeToString(random(32)))
                .open(sealed, "user-1/api_secret")).as("another key").isInstanceOf(ExchangeKeyCipher.TamperedException.class);
        assertThatThrownBy(() -> cipher.open("not base64!", "user-1/api_secret"))
                .isInstanceOf(ExchangeKeyCipher.TamperedException.class);
    }

    @Test
    void shouldRefuseAKeyThatIsNot256Bits() {
        assertThatThrownBy(() -> ExchangeKeyCipher.of(Base64.getEncoder().encodeToString(random(16))))
                .hasMessageContaining("must be 32 bytes (256 bits)").hasMessageContaining("found 16 bytes");
        assertThatThrownBy(() -> ExchangeKeyCipher.of("%%%")).hasMessageStartingWith("must be base64");
    }

    @Test
    void shouldStoreCiphertextOnlyAndOpenItForTheLookup() {
        ExchangeCredentials store = new ExchangeCredentials(database, ExchangeKeyCipher.of(key), null, Clock.systemUTC());

        store.save("user-1", API_KEY, API_SECRET, true);

        Document doc = collection().find().first();
        assertThat(doc.toJson()).doesNotContain(API_KEY).doesNotContain(API_SECRET)
                .doesNotContain(API_KEY.substring(4, 20)).doesNotContain(API_SECRET.substring(4, 20));
        assertThat(doc.getString("key_id")).isEqualTo(ExchangeKeyCipher.of(key).id());
        ExchangeCredentials.Credentials found = store.find("user-1").orElseThrow();
        assertThat(found.apiKey()).isEqualTo(API_KEY);
        assertThat(found.apiSecret()).isEqualTo(API_SECRET);
        assertThat(found.testnet()).isTrue();
        assertThat(found.toString()).doesNotContain(API_SECRET).doesNotContain(API_KEY).contains("vmPU…Eh8A");
        assertThat(found.maskedSecret()).isEqualTo("****…Tj0j");
        assertThat(SecretRegistry.redact("signing with " + API_SECRET)).isEqualTo("signing with ****");
        assertThat(store.find("user-2")).isEmpty();
    }

    @Test
    void shouldRefuseCredentialsWhoseCiphertextWasChangedInTheDatabase() {
        ExchangeCredentials store = new ExchangeCredentials(database, ExchangeKeyCipher.of(key), null, Clock.systemUTC());
        store.save("user-1", API_KEY, API_SECRET, false);
        store.save("user-2", API_KEY.replace('v', 'w'), API_SECRET.replace('N', 'M'), false);
        String bobsSecret = collection().find(new Document("_id", "user-2")).first().getString("api_secret");

        collection().updateOne(new Document("_id", "user-1"), new Document("$set", new Document("api_secret", bobsSecret)));

        assertThatThrownBy(() -> store.find("user-1")).isInstanceOf(ExchangeKeyCipher.TamperedException.class);
    }

    @Test
    void shouldOpenWithThePreviousKeyAfterARotationAndSealAgainUnderTheNewOne() {
        String newKey = Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
        new ExchangeCredentials(database, ExchangeKeyCipher.of(key), null, Clock.systemUTC())
                .save("user-1", API_KEY, API_SECRET, false);
        String before = collection().find().first().getString("api_secret");

        ExchangeCredentials rotated = new ExchangeCredentials(database, ExchangeKeyCipher.of(newKey),
                ExchangeKeyCipher.of(key), Clock.systemUTC());
        assertThat(rotated.find("user-1").orElseThrow().apiSecret()).isEqualTo(API_SECRET);
        assertThat(rotated.reseal()).isEqualTo(1);
        assertThat(rotated.reseal()).as("nothing left to seal again").isZero();

        Document after = collection().find().first();
        assertThat(after.getString("key_id")).isEqualTo(ExchangeKeyCipher.of(newKey).id());
        assertThat(after.getString("api_secret")).isNotEqualTo(before);
        assertThat(new ExchangeCredentials(database, ExchangeKeyCipher.of(newKey), null, Clock.systemUTC())
                .find("user-1").orElseThrow().apiSecret()).as("the previous key is no longer needed").isEqualTo(API_SECRET);
        assertThatThrownBy(() -> new ExchangeCredentials(database, ExchangeKeyCipher.of(key), null, Clock.systemUTC())
                .find("user-1")).as("the old key alone no longer opens it")
                .isInstanceOf(ExchangeKeyCipher.TamperedException.class).hasMessageContaining("neither");
    }

    @Test
    void shouldRefuseToStoreWithoutAKey() {
        ExchangeCredentials store = new ExchangeCredentials(database, null, null, Clock.systemUTC());

        assertThat(store.available()).isFalse();
        assertThatThrownBy(() -> store.save("user-1", API_KEY, API_SECRET, false))
                .hasMessageContaining("EXCHANGE_KEY_ENCRYPTION_KEY is not set");
        assertThat(store.reseal()).isZero();
    }

    private MongoCollection<Document> collection() {
        return database.getCollection("exchange_credentials");
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
