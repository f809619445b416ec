package io.botcore.engine.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import io.botcore.engine.EngineApplication;
import io.botcore.engine.EngineSettings;
import io.botcore.exchange.fake.FakeBinanceServer;
import io.botcore.platform.config.ConfigLoader;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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

/** The real engine: who gets in, who does not, and that hostile input gets a clear 4xx, never a 500. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = "auth-test-secret-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEF";
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path dir;

    private MongoServer mongo;
    private FakeBinanceServer binance;
    private ConfigurableApplicationContext engine;
    private URI base;
    private UserStore users;
    private final Passwords passwords = new Passwords(10);
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        mongo = new MongoServer(new MemoryBackend());
        int port = mongo.bind().getPort();
        binance = FakeBinanceServer.start(0, Clock.systemUTC());
        EngineSettings settings = EngineSettings.from(ConfigLoader.load(null, EngineSettings.SETTINGS,
                Map.of("JWT_SECRET", SECRET, "DATABASE_URL", "mongodb://127.0.0.1:" + port + "/bot_core_auth",
                        "BINANCE_BASE_URL", binance.baseUrl().toString()),
                Map.of("server.port", "0", "logging.dir", dir.toString(), "paths.data_dir", dir.toString(),
                        "security.bcrypt_cost", "10", "security.login_attempts_per_minute", "50")));
        engine = EngineApplication.start(settings);
        base = URI.create("http://127.0.0.1:" + engine.getEnvironment().getProperty("local.server.port"));
        users = new UserStore(engine.getBean(MongoDatabase.class), Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        engine.close();
        binance.close();
        mongo.shutdownNow();
    }

    @Test
    @Order(1)
    void shouldLetOnlyHealthPingLoginAndMetricsInWithoutAToken() throws Exception {
        assertThat(get("/api/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/binance/ping", null).statusCode()).isEqualTo(200);
        assertThat(get("/metrics", null).statusCode()).isEqualTo(200);

        HttpResponse<String> me = get("/api/auth/me", null);
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(json(me).path("success").asBoolean()).isFalse();
        assertThat(get("/api/no/such/route", null).statusCode()).as("unknown routes reveal nothing").isEqualTo(401);
        HttpResponse<String> register = http.send(HttpRequest.newBuilder(base.resolve("/api/auth/register"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"someone@example.com\",\"password\":\"a long passphrase\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(register.statusCode()).as("self-registration is off by default").isEqualTo(404);
        assertThat(json(register).path("error").asString()).contains("./bot-core user add");
    }

    @Test
    @Order(1)
    void shouldServeTheDashboardsStaticFilesWithoutATokenButOnlyToGet() throws Exception {
        HttpResponse<String> page = get("/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script type=\"module\" src=\"/app/main.js\"></script>");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
        for (String path : List.of("/index.html", "/favicon.svg", "/app/main.js", "/app/app.css",
                "/vendor/lightweight-charts-5.0.9/lightweight-charts.standalone.production.mjs")) {
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(get("/app/main.js", null).headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/javascript"));
        assertThat(post("/index.html", "{}", null).statusCode()).as("only GET is open").isEqualTo(401);
        assertThat(get("/api/bots", null).statusCode()).as("the API still needs a token").isEqualTo(401);
        assertThat(get("/app/../api/auth/me", null).statusCode()).as("no way around through the open paths")
                .isIn(400, 401);
        assertThat(get("/secret.txt", null).statusCode()).as("only the dashboard's paths are open").isEqualTo(401);
    }

    @Test
    @Order(2)
    void shouldLogInAndAnswerWhoIAm() throws Exception {
        users.create("Alice@Example.com ", passwords.hash(PASSWORD), Role.TRADER);

        HttpResponse<String> login = login("alice@example.com", PASSWORD);
        JsonNode data = json(login).path("data");

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(data.path("token_type").asString()).isEqualTo("Bearer");
        assertThat(data.path("expires_in").asLong()).isEqualTo(900);
        assertThat(data.path("user").path("role").asString()).isEqualTo("trader");
        HttpResponse<String> me = get("/api/auth/me", data.path("token").asString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).path("data").path("email").asString()).isEqualTo("alice@example.com");
        assertThat(json(me).path("data").has("password_hash")).isFalse();
    }

    @Test
    @Order(3)
    void shouldAnswerAnUnknownEmailExactlyLikeAWrongPassword() throws Exception {
        users.create("carol@example.com", passwords.hash(PASSWORD), Role.VIEWER);

        HttpResponse<String> wrongPassword = login("carol@example.com", "not the password");
        HttpResponse<String> unknownEmail = login("nobody@example.com", "not the password");

        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownEmail.statusCode()).isEqualTo(401);
        assertThat(json(wrongPassword).path("error").asString()).isEqualTo(json(unknownEmail).path("error").asString())
                .isEqualTo("invalid email or password");
    }

    @Test
    @Order(4)
    void shouldRefuseForgedExpiredAndForeignTokens() throws Exception {
        UserAccount dave = users.create("dave@example.com", passwords.hash(PASSWORD), Role.ADMIN);
        Instant now = Instant.now();
        JWTClaimsSet.Builder valid = claims(dave, now);

        assertThat(status(sign(valid.build(), JWSAlgorithm.HS256, SECRET))).as("a correctly made token").isEqualTo(200);
        assertThat(status(new PlainJWT(valid.build()).serialize())).as("alg none").isEqualTo(401);
        assertThat(status(sign(valid.build(), JWSAlgorithm.HS512, SECRET + SECRET))).as("other algorithm").isEqualTo(401);
        assertThat(status(sign(valid.build(), JWSAlgorithm.HS256, "another-key-0123456789-abcdefghijklmnopqrstuvwxyz")))
                .as("foreign key").isEqualTo(401);
        assertThat(status(tamper(sign(valid.build(), JWSAlgorithm.HS256, SECRET)))).as("tampered payload").isEqualTo(401);
        assertThat(status(sign(claims(dave, now).expirationTime(Date.from(now.minusSeconds(60))).build(),
                JWSAlgorithm.HS256, SECRET))).as("expired").isEqualTo(401);
        assertThat(status(sign(claims(dave, now).notBeforeTime(Date.from(now.plusSeconds(120))).build(),
                JWSAlgorithm.HS256, SECRET))).as("not yet valid").isEqualTo(401);
        assertThat(status(sign(claims(dave, now).issuer("someone-else").build(), JWSAlgorithm.HS256, SECRET)))
                .as("wrong issuer").isEqualTo(401);
        assertThat(status(sign(claims(dave, now).audience("other-api").build(), JWSAlgorithm.HS256, SECRET)))
                .as("wrong audience").isEqualTo(401);
        assertThat(status("not.a.jwt")).as("garbage").isEqualTo(401);

        users.setActive(dave.id(), false);
        assertThat(status(sign(claims(dave, now).claim("ver", 1).build(), JWSAlgorithm.HS256, SECRET)))
                .as("disabled user").isEqualTo(401);
        users.delete(dave.id());
        assertThat(status(sign(claims(dave, now).claim("ver", 1).build(), JWSAlgorithm.HS256, SECRET)))
                .as("deleted user").isEqualTo(401);
    }

    @Test
    @Order(5)
    void shouldRotateRefreshTokensAndRevokeTheFamilyWhenOneIsReused() throws Exception {
        users.create("erin@example.com", passwords.hash(PASSWORD), Role.TRADER);
        String first = json(login("erin@example.com", PASSWORD)).path("data").path("refresh_token").asString();

        HttpResponse<String> refreshed = post("/api/auth/refresh", "{\"refresh_token\":\"" + first + "\"}", null);
        String second = json(refreshed).path("data").path("refresh_token").asString();
        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(json(refreshed).path("data").path("token").asString()).isNotBlank();
        assertThat(second).isNotEqualTo(first);

        assertThat(post("/api/auth/refresh", "{\"refresh_token\":\"" + first + "\"}", null).statusCode())
                .as("reuse of a used token").isEqualTo(401);
        assertThat(post("/api/auth/refresh", "{\"refresh_token\":\"" + second + "\"}", null).statusCode())
                .as("its family is revoked after the reuse").isEqualTo(401);
        assertThat(users.findByEmail("erin@example.com")).isPresent();
    }

    @Test
    @Order(6)
    void shouldEndARefreshTokenOnLogout() throws Exception {
        users.create("frank@example.com", passwords.hash(PASSWORD), Role.TRADER);
        JsonNode data = json(login("frank@example.com", PASSWORD)).path("data");
        String refresh = data.path("refresh_token").asString();

        assertThat(post("/api/auth/logout", "{\"refresh_token\":\"" + refresh + "\"}", data.path("token").asString())
                .statusCode()).isEqualTo(200);
        assertThat(post("/api/auth/refresh", "{\"refresh_token\":\"" + refresh + "\"}", null).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(6)
    void shouldEndRefreshTokensWhenTheUserIsDisabledEvenIfEnabledAgain() throws Exception {
        UserAccount jack = users.create("jack@example.com", passwords.hash(PASSWORD), Role.TRADER);
        String refresh = json(login("jack@example.com", PASSWORD)).path("data").path("refresh_token").asString();

        users.setActive(jack.id(), false);
        users.setActive(jack.id(), true);

        assertThat(post("/api/auth/refresh", "{\"refresh_token\":\"" + refresh + "\"}", null).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(7)
    void shouldChangeThePasswordUnderThePolicyAndInvalidateOldTokens() throws Exception {
        users.create("gina@example.com", passwords.hash(PASSWORD), Role.TRADER);
        String token = json(login("gina@example.com", PASSWORD)).path("data").path("token").asString();

        HttpResponse<String> weak = post("/api/auth/change-password",
                "{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"short\"}", token);
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(json(weak).path("error").asString()).isEqualTo("new_password: must be at least 10 characters");

        HttpResponse<String> changed = post("/api/auth/change-password",
                "{\"current_password\":\"" + PASSWORD + "\",\"new_password\":\"a much better passphrase\"}", token);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(get("/api/auth/me", token).statusCode()).as("tokens from before the change").isEqualTo(401);
        assertThat(login("gina@example.com", "a much better passphrase").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(8)
    void shouldTreatOperatorObjectsAndOddValuesAsBadInput() throws Exception {
        String[] bodies = {
            "{\"email\":{\"$gt\":\"\"},\"password\":\"x\"}",
            "{\"email\":\"alice@example.com\",\"password\":{\"$ne\":null}}",
            "{\"email\":[\"alice@example.com\"],\"password\":\"x\"}",
            "{\"email\":\"alice@example.com\\u0000\",\"password\":\"x\"}",
            "{\"email\":\"../../etc/passwd\",\"password\":\"x\"}",
            "{\"email\":\"a@b.c\",\"password\":NaN}",
            "{\"email\":\"" + "a".repeat(300) + "@example.com\",\"password\":\"x\"}",
            "{\"email\":\"alice@example.com\"}",
            "{}",
            "[]",
            "not json",
            "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
        };
        for (String body : bodies) {
            HttpResponse<String> response = post("/api/auth/login", body, null);
            assertThat(response.statusCode()).as(body.length() > 80 ? body.substring(0, 80) : body).isEqualTo(400);
            assertThat(json(response).path("success").asBoolean()).isFalse();
        }
        HttpResponse<String> operator = post("/api/auth/login", bodies[0], null);
        assertThat(json(operator).path("details").get(0).path("field").asString()).isEqualTo("email");

        HttpResponse<String> huge = post("/api/auth/login", "{\"email\":\"" + "x".repeat(2 << 20) + "\"}", null);
        assertThat(huge.statusCode()).isEqualTo(413);
    }

    @Test
    @Order(9)
    void shouldLockAnAccountAfterFiveFailuresAndAnUnknownEmailTheSameWay() throws Exception {
        users.create("henry@example.com", passwords.hash(PASSWORD), Role.TRADER);
        for (String email : new String[] {"henry@example.com", "ghost@example.com"}) {
            for (int i = 0; i < 5; i++) {
                assertThat(login(email, "wrong password " + i).statusCode()).isEqualTo(401);
            }
            HttpResponse<String> locked = login(email, PASSWORD);
            assertThat(locked.statusCode()).as(email).isEqualTo(429);
            assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 30L);
        }
    }

    @Test
    @Order(10)
    void shouldSendSecurityHeaders() throws Exception {
        HttpResponse<String> response = get("/api/health", null);

        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    @Order(11)
    void shouldRefuseCrossOriginCallsFromOriginsNotAllowed() throws Exception {
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(base.resolve("/api/auth/login"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    @Order(12)
    void shouldKeepAdminRoutesForAdminsAndAuditLoginsWithoutSecrets() throws Exception {
        users.create("root@example.com", passwords.hash(PASSWORD), Role.ADMIN);
        users.create("ivan@example.com", passwords.hash(PASSWORD), Role.TRADER);
        String admin = json(login("root@example.com", PASSWORD)).path("data").path("token").asString();
        String trader = json(login("ivan@example.com", PASSWORD)).path("data").path("token").asString();

        assertThat(get("/api/admin/audit", trader).statusCode()).isEqualTo(403);
        HttpResponse<String> audit = get("/api/admin/audit?since=1h&limit=1000", admin);
        assertThat(audit.statusCode()).isEqualTo(200);
        JsonNode events = json(audit).path("data");
        assertThat(events.valueStream().map(e -> e.path("type").asString() + " " + e.path("actor").asString()))
                .contains("login.ok root@example.com", "login.failed carol@example.com", "login.failed nobody@example.com",
                        "password.changed gina@example.com", "token.refreshed erin@example.com", "logout frank@example.com");
        assertThat(events.valueStream().map(e -> e.path("address").asString())).contains("127.0.0.1");
        assertThat(audit.body()).doesNotContain(PASSWORD).doesNotContain("a much better passphrase");
        assertThat(get("/api/admin/audit?since=forever", admin).statusCode()).isEqualTo(400);
    }

    @Test
    @Order(13)
    void shouldChangeTheLogLevelAtRuntimeForAdminsOnly() throws Exception {
        String admin = json(login("root@example.com", PASSWORD)).path("data").path("token").asString();

        assertThat(put("/api/admin/log-level", "{\"level\":\"verbose\"}", admin).statusCode()).isEqualTo(400);
        HttpResponse<String> set = put("/api/admin/log-level", "{\"level\":\"debug\"}", admin);
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(json(get("/api/admin/log-level", admin)).path("data").path("level").asString()).isEqualTo("debug");
        assertThat(org.slf4j.LoggerFactory.getLogger("io.botcore.engine").isDebugEnabled()).isTrue();
        put("/api/admin/log-level", "{\"level\":\"info\"}", admin);
        assertThat(org.slf4j.LoggerFactory.getLogger("io.botcore.engine").isDebugEnabled()).isFalse();
    }

    @Test
    @Order(14)
    void shouldRefuseABlockedRangeAtOnceEvenOnHealthAndBelieveOnlyTrustedProxies() throws Exception {
        String admin = json(login("root@example.com", PASSWORD)).path("data").path("token").asString();

        assertThat(post("/api/admin/ip-blocks", "{\"address\":\"not-an-ip\"}", admin).statusCode()).isEqualTo(400);
        assertThat(post("/api/admin/ip-blocks", "{\"address\":\"203.0.113.0/24\",\"reason\":\"scan\"}", admin)
                .statusCode()).isEqualTo(200);
        assertThat(getFrom("/api/health", "203.0.113.9").statusCode()).isEqualTo(403);
        assertThat(getFrom("/api/health", "198.51.100.1").statusCode()).isEqualTo(200);

        HttpResponse<String> removed = http.send(HttpRequest.newBuilder(base.resolve("/api/admin/ip-blocks?address=203.0.113.0/24"))
                .header("Authorization", "Bearer " + admin).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(getFrom("/api/health", "203.0.113.9").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void shouldRateLimitLoginsPerAddressWithRetryAfter() throws Exception {
        // 80 attempts at once against a limit of 50 a minute: however slow the machine, the bucket cannot refill
        // 30 tokens while they are answered, so some must be refused
        List<CompletableFuture<HttpResponse<String>>> attempts = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            attempts.add(http.sendAsync(HttpRequest.newBuilder(base.resolve("/api/auth/login"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"email\":\"ratelimit" + i + "@example.com\",\"password\":\"whatever password\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> refused = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> attempt : attempts) {
            HttpResponse<String> response = attempt.get(5, TimeUnit.MINUTES);
            assertThat(response.statusCode()).isIn(401, 429);
            if (response.statusCode() == 429) {
                refused.add(response);
            }
        }
        assertThat(refused).hasSizeGreaterThanOrEqualTo(10);
        HttpResponse<String> last = refused.get(refused.size() - 1);
        assertThat(json(last).path("error").asString()).isEqualTo("too many login attempts from this address");
        assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
    }

    private static JWTClaimsSet.Builder claims(UserAccount user, Instant now) {
        return new JWTClaimsSet.Builder().issuer(TokenService.ISSUER).audience(TokenService.AUDIENCE)
                .subject(user.id()).claim("role", user.role().id()).claim("ver", user.tokenVersion())
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    }

    private static String sign(JWTClaimsSet claims, JWSAlgorithm alg, String key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(alg), claims);
        jwt.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static String tamper(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"admin\"", "\"viewer\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private int status(String token) throws IOException, InterruptedException {
        return get("/api/auth/me", token).statusCode();
    }

    private HttpResponse<String> login(String email, String password) throws IOException, InterruptedException {
        return post("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null);
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> getFrom(String path, String forwardedFor) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("X-Forwarded-For", forwardedFor).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String path, String body, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
