package io.botcore.engine.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import io.botcore.engine.EngineApplication;
import io.botcore.engine.EngineSettings;
import io.botcore.engine.auth.Passwords;
import io.botcore.engine.auth.Role;
import io.botcore.engine.auth.UserAccount;
import io.botcore.engine.auth.UserStore;
import io.botcore.platform.config.ConfigLoader;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/settings/exchange-keys} on the real engine: stored sealed, shown masked, never logged or audited. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExchangeKeysApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String API_KEY = "q1w2e3r4t5y6u7i8o9p0AsDfGhJkLzXcVbNm1234567890abcdefghijklmnopQR";
    private static final String API_SECRET = "Zx9Cv8Bn7Mm6Ll5Kk4Jj3Hh2Gg1Ff0Ee9Dd8Cc7Bb6Aa5Zz4Yy3Xx2Ww1Vv0Uu9";

    @TempDir
    static Path dir;

    private MongoServer mongo;
    private ConfigurableApplicationContext engine;
    private URI base;
    private UserAccount aliceAccount;
    private String alice;
    private String bob;
    private String viewer;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        mongo = new MongoServer(new MemoryBackend());
        int port = mongo.bind().getPort();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        engine = EngineApplication.start(EngineSettings.from(ConfigLoader.load(null, EngineSettings.SETTINGS,
                Map.of("JWT_SECRET", "exchange-keys-test-secret-0123456789-abcdefghijklmnopqrstuv",
                        "EXCHANGE_KEY_ENCRYPTION_KEY", Base64.getUrlEncoder().withoutPadding().encodeToString(key),
                        "DATABASE_URL", "mongodb://127.0.0.1:" + port + "/bot_core_keys",
                        "BINANCE_BASE_URL", "http://127.0.0.1:1", "LOG_LEVEL", "debug"),
                Map.of("server.port", "0", "logging.dir", dir.toString(), "paths.data_dir", dir.toString(),
                        "security.bcrypt_cost", "10"))));
        base = URI.create("http://127.0.0.1:" + engine.getEnvironment().getProperty("local.server.port"));
        UserStore users = new UserStore(engine.getBean(MongoDatabase.class), Clock.systemUTC());
        Passwords passwords = new Passwords(10);
        aliceAccount = users.create("alice@example.com", passwords.hash("alice's long password"), Role.TRADER);
        users.create("bob@example.com", passwords.hash("bob's long password"), Role.TRADER);
        users.create("viewer@example.com", passwords.hash("viewer's long password"), Role.VIEWER);
        alice = login("alice@example.com", "alice's long password");
        bob = login("bob@example.com", "bob's long password");
        viewer = login("viewer@example.com", "viewer's long password");
    }

    @AfterAll
    void stop() {
        engine.close();
        mongo.shutdownNow();
    }

    @Test
    void shouldStoreSealedAnswerMaskedAndNeverLogOrAuditTheSecret() throws Exception {
        String body = "{\"api_key\":\"" + API_KEY + "\",\"api_secret\":\"" + API_SECRET + "\",\"testnet\":true}";
        List<HttpResponse<String>> answers = new ArrayList<>();

        HttpResponse<String> saved = call("PUT", "/api/settings/exchange-keys", alice, body);
        answers.add(saved);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        JsonNode data = JSON.readTree(saved.body()).path("data");
        assertThat(data.path("api_key_masked").asString()).isEqualTo("q1w2…opQR");
        assertThat(data.path("api_secret_masked").asString()).isEqualTo("****…0Uu9");
        assertThat(data.path("testnet").asBoolean()).isTrue();

        HttpResponse<String> read = call("GET", "/api/settings/exchange-keys", alice, null);
        answers.add(read);
        assertThat(JSON.readTree(read.body()).path("data").path("configured").asBoolean()).isTrue();
        answers.add(call("GET", "/api/settings/api-keys", alice, null));
        HttpResponse<String> bobs = call("GET", "/api/settings/exchange-keys", bob, null);
        assertThat(JSON.readTree(bobs.body()).path("data").path("configured").asBoolean()).as("bob has none").isFalse();
        assertThat(call("PUT", "/api/settings/exchange-keys", viewer, body).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/settings/exchange-keys", null, null).statusCode()).isEqualTo(401);

        MongoDatabase database = engine.getBean(MongoDatabase.class);
        Document stored = database.getCollection("exchange_credentials").find(new Document("_id", aliceAccount.id()))
                .first();
        assertThat(stored.getString("_id")).isEqualTo(aliceAccount.id());
        assertThat(stored.getString("api_secret")).isNotEqualTo(API_SECRET);
        assertThat(stored.toJson()).doesNotContain(API_SECRET).doesNotContain(API_KEY);
        ExchangeCredentials.Credentials lookup = engine.getBean(ExchangeCredentials.class).find(aliceAccount.id())
                .orElseThrow();
        assertThat(lookup.apiSecret()).as("the live-trading lookup opens it").isEqualTo(API_SECRET);
        assertThat(lookup.apiKey()).isEqualTo(API_KEY);

        List<Document> audit = database.getCollection("audit_events").find(new Document("type",
                "exchange_keys.saved").append("actor", "alice@example.com")).into(new ArrayList<>());
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).toJson()).contains("q1w2…opQR").doesNotContain(API_SECRET).doesNotContain(API_KEY);

        HttpResponse<String> deleted = call("DELETE", "/api/settings/exchange-keys", alice, null);
        answers.add(deleted);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(call("GET", "/api/settings/exchange-keys", alice, null).body()).path("data")
                .path("configured").asBoolean()).isFalse();
        assertThat(call("DELETE", "/api/settings/exchange-keys", alice, null).statusCode()).isEqualTo(404);
        assertThat(database.getCollection("audit_events").countDocuments(new Document("type", "exchange_keys.deleted")
                .append("actor", "alice@example.com")))
                .isEqualTo(1);

        for (HttpResponse<String> answer : answers) {
            assertThat(answer.body()).doesNotContain(API_SECRET).doesNotContain(API_KEY)
                    .doesNotContain(API_SECRET.substring(0, 12));
        }
        StringBuilder logs = new StringBuilder();
        try (var files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".log")).toList()) {
                logs.append(Files.readString(file));
            }
        }
        assertThat(logs).as("the debug-level engine log").contains("exchange_keys.saved")
                .doesNotContain(API_SECRET).doesNotContain(API_KEY);
    }

    @Test
    void shouldAnswer503NotAnErrorWhenTheStoredValuesDoNotOpenWithThisEnginesKey() throws Exception {
        String body = "{\"api_key\":\"" + API_KEY + "\",\"api_secret\":\"" + API_SECRET + "\"}";
        assertThat(call("PUT", "/api/settings/api-keys", bob, body).statusCode()).isEqualTo(200);
        MongoDatabase database = engine.getBean(MongoDatabase.class);
        String bobId = new UserStore(database, Clock.systemUTC()).findByEmail("bob@example.com").orElseThrow().id();
        database.getCollection("exchange_credentials").updateOne(new Document("_id", bobId),
                new Document("$set", new Document("key_id", "0badc0de")));

        HttpResponse<String> read = call("GET", "/api/settings/exchange-keys", bob, null);

        assertThat(read.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(read.body()).path("error").asString()).contains("sealed with key 0badc0de")
                .contains("EXCHANGE_KEY_ENCRYPTION_KEY");
        assertThat(call("DELETE", "/api/settings/exchange-keys", bob, null).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldNameTheFieldOfABadKey() throws Exception {
        HttpResponse<String> bad = call("PUT", "/api/settings/exchange-keys", alice,
                "{\"api_key\":\"short\",\"api_secret\":\"" + API_SECRET + "\"}");

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("error").asString())
                .isEqualTo("api_key: must be 16 to 256 letters, digits, _ or -");
        assertThat(bad.body()).doesNotContain(API_SECRET);
    }

    private String login(String email, String password) throws Exception {
        HttpResponse<String> response = call("POST", "/api/auth/login", null, "{\"email\":\"" + email
                + "\",\"password\":\"" + password + "\"}");
        return JSON.readTree(response.body()).path("data").path("token").asString();
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
