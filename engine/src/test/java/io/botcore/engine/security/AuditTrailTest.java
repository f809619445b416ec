package io.botcore.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import io.botcore.core.market.Interval;
import io.botcore.core.market.csv.CandleCsvReader;
import io.botcore.core.market.store.CandleStore;
import io.botcore.engine.EngineApplication;
import io.botcore.engine.EngineSettings;
import io.botcore.engine.auth.Passwords;
import io.botcore.engine.auth.Role;
import io.botcore.engine.auth.UserStore;
import io.botcore.engine.feed.ReplayFeed;
import io.botcore.platform.config.ConfigLoader;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
 * The audit trail the incident procedure relies on: bot start and stop (through {@code /api/bots} and the
 * original's {@code /api/paper-trading}) and the kill switch leave an event naming who, from where and which bot.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    private MongoServer mongo;
    private ConfigurableApplicationContext engine;
    private URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("data/recorded"))) {
            root = root.getParent();
        }
        try (var files = Files.list(root.resolve("data/recorded"))) {
            Path file = files.filter(f -> f.getFileName().toString().startsWith("binance_BTCUSDT_1h_")).findFirst()
                    .orElseThrow();
            new CandleStore(dir.resolve("data/market")).write(ReplayFeed.SOURCE, "BTCUSDT",
                    CandleCsvReader.read(file, Interval.H1));
        }
        mongo = new MongoServer(new MemoryBackend());
        int port = mongo.bind().getPort();
        engine = EngineApplication.start(EngineSettings.from(ConfigLoader.load(null, EngineSettings.SETTINGS,
                Map.of("JWT_SECRET", "audit-trail-test-secret-0123456789-abcdefghijklmnopqrstuvw",
                        "DATABASE_URL", "mongodb://127.0.0.1:" + port + "/bot_core_audit",
                        "BINANCE_BASE_URL", "http://127.0.0.1:1", "TRADING_FEED", "replay"),
                Map.of("server.port", "0", "logging.dir", dir.toString(), "paths.data_dir",
                        dir.resolve("data").toString(), "security.bcrypt_cost", "10", "trading.symbols", "BTCUSDT",
                        "trading.replay_speed", "1", "trading.replay_days", "2", "trading.warm_up_candles", "0"))));
        base = URI.create("http://127.0.0.1:" + engine.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stop() {
        engine.close();
        mongo.shutdownNow();
    }

    @Test
    void botStartStopAndTheKillSwitchAreAuditedWithActorAddressAndBot() throws Exception {
        UserStore users = new UserStore(engine.getBean(MongoDatabase.class), Clock.systemUTC());
        Passwords passwords = new Passwords(10);
        users.create("trader@example.com", passwords.hash("trader's long password"), Role.TRADER);
        users.create("root@example.com", passwords.hash("root's long password"), Role.ADMIN);
        String trader = login("trader@example.com", "trader's long password");
        String admin = login("root@example.com", "root's long password");
        HttpResponse<String> created = call("POST", "/api/bots", trader,
                "{\"name\":\"audited\",\"strategy\":\"rsi\",\"symbols\":[\"BTCUSDT\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String bot = JSON.readTree(created.body()).path("data").path("id").asString();

        assertThat(call("POST", "/api/bots/" + bot + "/start", trader, "").statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/bots/" + bot + "/stop", trader, "{\"reason\":\"lunch\"}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> paperStart = call("POST", "/api/paper-trading/start", trader, "");
        assertThat(paperStart.statusCode()).as(paperStart.body()).isEqualTo(200);
        assertThat(call("POST", "/api/paper-trading/stop", trader, "").statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/admin/kill-switch", admin, "{\"reason\":\"incident 42\"}").statusCode())
                .isEqualTo(200);
        assertThat(call("DELETE", "/api/admin/kill-switch", admin, null).statusCode()).isEqualTo(200);

        List<Document> events = engine.getBean(MongoDatabase.class).getCollection("audit_events").find()
                .sort(new Document("at", 1)).into(new ArrayList<>());
        List<String> trail = events.stream().filter(e -> !e.getString("type").startsWith("login"))
                .map(e -> e.getString("type") + " " + e.getString("actor") + " " + e.getString("address") + " "
                        + e.get("details", Document.class).toJson()).toList();
        assertThat(trail).hasSize(7);
        assertThat(trail.get(0)).startsWith("bot.created trader@example.com 127.0.0.1");
        assertThat(trail.get(1)).startsWith("bot.started trader@example.com 127.0.0.1").contains("\"bot_id\": \"" + bot + "\"")
                .contains("\"run\": 1");
        assertThat(trail.get(2)).startsWith("bot.stopped trader@example.com 127.0.0.1").contains(bot);
        assertThat(trail.get(3)).as("paper-trading start").startsWith("bot.started trader@example.com 127.0.0.1")
                .contains(bot).contains("\"run\": 2");
        assertThat(trail.get(4)).as("paper-trading stop").startsWith("bot.stopped trader@example.com 127.0.0.1")
                .contains(bot);
        assertThat(trail.get(5)).startsWith("kill_switch.engaged root@example.com 127.0.0.1").contains("incident 42");
        assertThat(trail.get(6)).startsWith("kill_switch.released root@example.com 127.0.0.1");
        assertThat(events).allSatisfy(e -> assertThat(e.toJson()).doesNotContain("long password"));
    }

    private String login(String email, String password) throws Exception {
        HttpResponse<String> response = call("POST", "/api/auth/login", null, "{\"email\":\"" + email
                + "\",\"password\":\"" + password + "\"}");
        return JSON.readTree(response.body()).path("data").path("token").asString();
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !body.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
