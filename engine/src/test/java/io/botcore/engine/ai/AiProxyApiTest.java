package io.botcore.engine.ai;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import io.botcore.engine.EngineApplication;
import io.botcore.engine.EngineSettings;
import io.botcore.engine.auth.Passwords;
import io.botcore.engine.auth.Role;
import io.botcore.engine.auth.UserStore;
import io.botcore.platform.config.ConfigLoader;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine's {@code /api/ai/*} relay on the real engine, against a local stand-in for the AI service (the JDK's
 * HTTP server answering in the service's shape, see the ai module's AiStatusController and Analyzer) and against
 * nothing at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AiProxyApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The AI service's refusal without a trained model (Analyzer.model()). */
    private static final String NO_MODEL = "{\"success\":false,\"error\":\"no model to answer with: no model has "
            + "been promoted yet (run ./bot-core ai train)\"}";
    private static final String STATUS = "{\"success\":true,\"data\":{\"service\":\"ai\",\"status\":\"degraded\","
            + "\"model\":{\"state\":\"none\",\"active_version\":null,\"message\":\"analyses are unavailable: no model "
            + "has been promoted yet\"}}}";

    @TempDir
    static Path dir;

    private MongoServer mongo;
    private HttpServer ai;
    private ConfigurableApplicationContext engine;
    private URI base;
    private String token;
    private final AtomicReference<String> seenAuthorization = new AtomicReference<>();
    private final AtomicReference<String> seenBody = new AtomicReference<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        ai = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ai.createContext("/api/ai/status", exchange -> {
            seenAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            answer(exchange, 200, STATUS);
        });
        ai.createContext("/api/ai/analyze", exchange -> {
            seenAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            seenBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            answer(exchange, 503, NO_MODEL);
        });
        ai.createContext("/api/ai/info", exchange -> {
            try {
                Thread.sleep(AiProxyController.READ_TIMEOUT.toMillis() + 2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, "{}");
        });
        ai.setExecutor(Executors.newCachedThreadPool());
        ai.start();
        mongo = new MongoServer(new MemoryBackend());
        int port = mongo.bind().getPort();
        engine = EngineApplication.start(EngineSettings.from(ConfigLoader.load(null, EngineSettings.SETTINGS,
                Map.of("JWT_SECRET", "ai-proxy-test-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
                        "DATABASE_URL", "mongodb://127.0.0.1:" + port + "/bot_core_ai_proxy",
                        "BINANCE_BASE_URL", "http://127.0.0.1:1",
                        "AI_SERVICE_URL", "http://127.0.0.1:" + ai.getAddress().getPort()),
                Map.of("server.port", "0", "logging.dir", dir.toString(), "paths.data_dir", dir.toString(),
                        "security.bcrypt_cost", "10"))));
        base = URI.create("http://127.0.0.1:" + engine.getEnvironment().getProperty("local.server.port"));
        new UserStore(engine.getBean(MongoDatabase.class), Clock.systemUTC()).create("carol@example.com",
                new Passwords(10).hash("carol's long password"), Role.TRADER);
        token = JSON.readTree(send("POST", "/api/auth/login", null,
                "{\"email\":\"carol@example.com\",\"password\":\"carol's long password\"}").body())
                .path("data").path("token").asString();
    }

    @AfterAll
    void stop() {
        engine.close();
        mongo.shutdownNow();
        if (ai != null) {
            ai.stop(0);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void statusComesBackAsTheServiceAnsweredWithTheCallersToken() throws Exception {
        HttpResponse<String> answer = send("GET", "/api/ai/status", token, null);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body())).isEqualTo(JSON.readTree(STATUS));
        assertThat(seenAuthorization.get()).isEqualTo("Bearer " + token);
    }

    @Test
    void anAnalysisIsForwardedWithItsBodyAndTheServicesRefusalKeepsItsStatusAndMessage() throws Exception {
        String request = "{\"symbol\":\"BTCUSDT\",\"timeframe_data\":{\"1h\":[]}}";
        HttpResponse<String> answer = send("POST", "/api/ai/analyze", token, request);
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(answer.body())).isEqualTo(JSON.readTree(NO_MODEL));
        assertThat(JSON.readTree(seenBody.get())).isEqualTo(JSON.readTree(request));
        assertThat(seenAuthorization.get()).isEqualTo("Bearer " + token);
    }

    @Test
    void withoutATokenTheEngineRefusesBeforeCallingTheService() throws Exception {
        seenAuthorization.set(null);
        assertThat(send("GET", "/api/ai/status", null, null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/ai/analyze", null, "{}").statusCode()).isEqualTo(401);
        assertThat(seenAuthorization.get()).isNull();
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIs503WithAReason() throws Exception {
        HttpResponse<String> answer = send("GET", "/api/ai/info", token, null);
        assertThat(answer.statusCode()).isEqualTo(503);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("success").asBoolean(true)).isFalse();
        assertThat(body.path("error").asString()).isEqualTo("AI service unavailable: AI service gave no answer "
                + "within " + AiProxyController.READ_TIMEOUT.toMillis() + " ms");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aServiceThatIsDownIs503WithAReasonAndNoStackTrace() throws Exception {
        int port = ai.getAddress().getPort();
        ai.stop(0);
        ai = null;
        for (String[] call : new String[][] {{"GET", "/api/ai/status", null}, {"POST", "/api/ai/analyze", "{}"}}) {
            HttpResponse<String> answer = send(call[0], call[1], token, call[2]);
            assertThat(answer.statusCode()).as(call[1]).isEqualTo(503);
            JsonNode body = JSON.readTree(answer.body());
            assertThat(body.path("success").asBoolean(true)).isFalse();
            assertThat(body.path("error").asString()).as(call[1])
                    .startsWith("AI service unavailable: AI service at http://127.0.0.1:" + port + " unreachable")
                    .doesNotContain("\tat ");
        }
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
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
