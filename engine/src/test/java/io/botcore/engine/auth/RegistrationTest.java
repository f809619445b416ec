package io.botcore.engine.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.botcore.engine.EngineApplication;
import io.botcore.engine.EngineSettings;
import io.botcore.platform.config.ConfigLoader;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.json.JsonMapper;

/**
 * Self-registration when {@code security.self_registration} is on (it is off by default; AuthTest checks the 404):
 * a trader account under the password policy, the same answer for a taken address, and the taken account keeps
 * its password.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private MongoServer mongo;
    private ConfigurableApplicationContext engine;
    private URI base;

    @BeforeAll
    void start() {
        mongo = new MongoServer(new MemoryBackend());
        int port = mongo.bind().getPort();
        engine = EngineApplication.start(EngineSettings.from(ConfigLoader.load(null, EngineSettings.SETTINGS,
                Map.of("JWT_SECRET", "registration-test-secret-0123456789-abcdefghijklmno",
                        "DATABASE_URL", "mongodb://127.0.0.1:" + port + "/bot_core_registration",
                        "BINANCE_BASE_URL", "http://127.0.0.1:1"),
                Map.of("server.port", "0", "logging.dir", dir.toString(), "paths.data_dir", dir.toString(),
                        "security.bcrypt_cost", "10", "security.self_registration", "true"))));
        base = URI.create("http://127.0.0.1:" + engine.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stop() {
        engine.close();
        mongo.shutdownNow();
    }

    @Test
    void createsATraderUnderThePolicyAndAnswersATakenAddressTheSameWay() throws Exception {
        HttpResponse<String> weak = post("/api/auth/register", "{\"email\":\"new@example.com\",\"password\":\"short\"}");
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(weak.body()).path("error").asString()).startsWith("password: ");
        assertThat(post("/api/auth/register", "{\"email\":{\"$gt\":\"\"},\"password\":\"a long passphrase\"}")
                .statusCode()).isEqualTo(400);

        HttpResponse<String> created = post("/api/auth/register",
                "{\"email\":\"New@Example.com\",\"password\":\"a long passphrase\"}");
        HttpResponse<String> taken = post("/api/auth/register",
                "{\"email\":\"new@example.com\",\"password\":\"another long passphrase\"}");

        assertThat(created.statusCode()).isEqualTo(202);
        assertThat(taken.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(taken.body()).path("data")).isEqualTo(JSON.readTree(created.body()).path("data"));
        Document user = engine.getBean(MongoDatabase.class).getCollection("users")
                .find(Filters.eq("email", "new@example.com")).first();
        assertThat(user.getString("role")).isEqualTo("trader");
        assertThat(post("/api/auth/login", "{\"email\":\"new@example.com\",\"password\":\"a long passphrase\"}")
                .statusCode()).isEqualTo(200);
        assertThat(post("/api/auth/login", "{\"email\":\"new@example.com\",\"password\":\"another long passphrase\"}")
                .statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
