package io.botcore.engine.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.botcore.engine.EngineApplication;
import io.botcore.engine.EngineSettings;
import io.botcore.engine.auth.Passwords;
import io.botcore.engine.auth.Role;
import io.botcore.engine.auth.UserStore;
import io.botcore.platform.config.ConfigLoader;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaintenanceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    private MongoServer mongo;
    private ConfigurableApplicationContext engine;
    private MongoDatabase db;
    private URI base;
    private String trader;
    private String admin;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        mongo = new MongoServer(new MemoryBackend());
        int port = mongo.bind().getPort();
        engine = EngineApplication.start(EngineSettings.from(ConfigLoader.load(null, EngineSettings.SETTINGS,
                Map.of("JWT_SECRET", "maintenance-test-secret-0123456789-abcdefghijklmn",
                        "DATABASE_URL", "mongodb://127.0.0.1:" + port + "/bot_core_maintenance",
                        "BINANCE_BASE_URL", "http://127.0.0.1:1"),
                Map.of("server.port", "0", "logging.dir", dir.toString(), "paths.data_dir", dir.resolve("data").toString(),
                        "security.bcrypt_cost", "10"))));
        base = URI.create("http://127.0.0.1:" + engine.getEnvironment().getProperty("local.server.port"));
        db = engine.getBean(MongoDatabase.class);
        UserStore users = new UserStore(db, Clock.systemUTC());
        Passwords passwords = new Passwords(10);
        users.create("trader@example.com", passwords.hash("trader's long password"), Role.TRADER);
        users.create("admin@example.com", passwords.hash("admin's long password"), Role.ADMIN);
        trader = login("trader@example.com", "trader's long password");
        admin = login("admin@example.com", "admin's long password");
    }

    @AfterAll
    void stop() {
        engine.close();
        mongo.shutdownNow();
    }

    @Test
    void shouldRefuseMutationsOfNonAdminsAndReportMaintenanceInHealthUntilSwitchedOff() throws Exception {
        String bot = "{\"name\":\"x\",\"strategy\":\"nope\",\"symbols\":[\"BTCUSDT\"]}";
        // the other test switches maintenance on and off; the engine's monitor rereads it within a second
        await().atMost(Duration.ofSeconds(5)).until(() -> call("POST", "/api/bots", trader, bot).statusCode() == 400);
        assertThat(Maintenance.active(db)).isFalse();

        Instant until = Instant.now().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Maintenance.on(db, "Upgrading the database", until, "test", Clock.systemUTC());
        assertThat(Maintenance.active(db)).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> call("POST", "/api/bots", trader, bot).statusCode() == 503);

        HttpResponse<String> refused = call("POST", "/api/bots", trader, bot);
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.path("status").asString()).isEqualTo("maintenance");
        assertThat(body.path("error").asString()).isEqualTo("Upgrading the database");
        assertThat(body.path("until").asString()).isEqualTo(until.toString());
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(7000L, 7200L);
        // reads, logins and admins go on
        assertThat(call("GET", "/api/bots", trader, null).statusCode()).isEqualTo(200);
        assertThat(login("trader@example.com", "trader's long password")).isNotBlank();
        assertThat(call("POST", "/api/bots", admin, bot).statusCode()).isEqualTo(400);

        JsonNode health = JSON.readTree(call("GET", "/api/health", null, null).body());
        assertThat(health.path("status").asString()).isEqualTo("maintenance");
        assertThat(health.path("maintenance").path("message").asString()).isEqualTo("Upgrading the database");

        Maintenance.off(db);
        await().atMost(Duration.ofSeconds(5)).until(() -> call("POST", "/api/bots", trader, bot).statusCode() == 400);
        assertThat(JSON.readTree(call("GET", "/api/health", null, null).body()).path("status").asString())
                .isNotEqualTo("maintenance");
    }

    @Test
    void shouldEndByItselfAtUntilAndRejectAPastUntil() {
        Clock at = Clock.fixed(Instant.parse("2026-12-12T02:00:00Z"), ZoneOffset.UTC);
        Maintenance.on(db, "window", Instant.parse("2026-12-12T06:00:00Z"), "test", at);
        assertThat(Maintenance.active(db, Clock.fixed(Instant.parse("2026-12-12T05:59:59Z"), ZoneOffset.UTC))).isTrue();
        assertThat(Maintenance.active(db, Clock.fixed(Instant.parse("2026-12-12T06:00:00Z"), ZoneOffset.UTC))).isFalse();
        assertThatThrownBy(() -> Maintenance.on(db, "late", Instant.parse("2026-12-12T01:00:00Z"), "test", at))
                .hasMessageContaining("until must be in the future");
        Maintenance.off(db);
        assertThat(Maintenance.state(db)).isEmpty();
    }

    private String login(String email, String password) throws Exception {
        HttpResponse<String> answer = call("POST", "/api/auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).path("data").path("token").asString();
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
