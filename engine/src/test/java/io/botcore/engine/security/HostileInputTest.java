package io.botcore.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
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
import io.botcore.engine.auth.Passwords;
import io.botcore.engine.auth.Role;
import io.botcore.engine.auth.TokenService;
import io.botcore.engine.auth.UserAccount;
import io.botcore.engine.auth.UserStore;
import io.botcore.exchange.fake.FakeBinanceServer;
import io.botcore.platform.config.ConfigLoader;

import java.io.ByteArrayInputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile input against the real engine, over every route Spring has mapped (read from the
 * {@link RequestMappingHandlerMapping} at test time, so a route added later is attacked too): missing and forged
 * tokens, another user's ids, NoSQL operator objects in every JSON field and query parameter, oversized and deeply
 * nested bodies, NaN / Infinity / negative / huge numbers, control characters and path traversal. Expected
 * everywhere: no access, never a 5xx, and a JSON 4xx that names the field or the rule. Each test collects every
 * violation before failing, so one run lists all of them; the number of cases is printed at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {

    /** The routes anyone may call, as documented in the README's security section. */
    private static final Set<String> DOCUMENTED_PUBLIC = Set.of("GET /api/health", "GET /api/v1/binance/ping",
            "POST /api/auth/login", "POST /api/auth/refresh", "POST /api/auth/register", "GET /metrics");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = "hostile-input-test-secret-0123456789-abcdefghijklmnopqrstuvw";
    private static final String[] OPERATORS = {"{\"$gt\":\"\"}", "{\"$ne\":null}",
        "{\"$where\":\"sleep(1000) || true\"}"};
    private static final String[] BAD_NUMBERS = {"NaN", "\"NaN\"", "Infinity", "-Infinity", "\"-Infinity\"", "-1",
        "-0.000001", "1e309", "1e999999999", "\"1e999999999\"", "123456789012345678901234567890123456789"};
    private static final String[] BAD_NUMBER_PARAMS = {"NaN", "Infinity", "-1", "1e3", "1.5",
        "99999999999999999999", "0x10", "#10", "1_000"};
    private static final String[] CONTROL_STRINGS = {"a\u0000b", "a\u001b[31mb", "line\r\nInjected: yes", "a\u007fb",
        "\u202egnp.exe", "a\u0085b"};
    private static final String[] TRAVERSALS = {"../../../../etc/passwd", "..%2F..%2F..%2Fetc%2Fpasswd",
        "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "....//....//etc/passwd", "..%5C..%5Cwindows%5Cwin.ini",
        "%252e%252e%252fetc%252fpasswd", "a%00.json"};

    @TempDir
    static Path dir;

    private MongoServer mongo;
    private FakeBinanceServer binance;
    private ConfigurableApplicationContext engine;
    private URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private List<Route> routes;
    private UserAccount aliceAccount;
    private String alice;
    private String bob;
    private String admin;
    private String aliceBot;
    private int cases;

    /** One mapped method and path, with the handler whose parameters say what it reads. */
    private record Route(String method, String pattern, HandlerMethod handler) {
        String key() {
            return method + " " + pattern;
        }

        boolean isAdmin() {
            return pattern.startsWith("/api/admin");
        }

        /** The servlet container's error page: public so that errors can be shown, empty when called directly. */
        boolean isErrorPage() {
            return org.springframework.boot.webmvc.error.ErrorController.class.isAssignableFrom(handler.getBeanType());
        }

        List<MethodParameter> parameters(Class<? extends java.lang.annotation.Annotation> annotation) {
            List<MethodParameter> out = new ArrayList<>();
            for (MethodParameter p : handler.getMethodParameters()) {
                if (p.hasParameterAnnotation(annotation)) {
                    out.add(p);
                }
            }
            return out;
        }

        /**
         * The record the engine reads the body into; null without a body and for a body taken as raw bytes, which
         * the engine does not read but relays (the {@code /api/ai/*} routes: the AI service checks those fields).
         */
        Class<?> bodyType() {
            List<MethodParameter> body = parameters(RequestBody.class);
            Class<?> type = body.isEmpty() ? null : body.get(0).getParameterType();
            return type == byte[].class ? null : type;
        }

        List<String> queryParameters() {
            return parameters(RequestParam.class).stream().map(p -> {
                RequestParam a = p.getParameterAnnotation(RequestParam.class);
                return a.name().isEmpty() ? (a.value().isEmpty() ? p.getParameterName() : a.value()) : a.name();
            }).toList();
        }

        boolean numericQueryParameter(String name) {
            return parameters(RequestParam.class).stream().anyMatch(p -> {
                RequestParam a = p.getParameterAnnotation(RequestParam.class);
                String n = a.name().isEmpty() ? (a.value().isEmpty() ? p.getParameterName() : a.value()) : a.name();
                return n.equals(name) && numeric(p.getParameterType());
            });
        }
    }

    /** A leaf field of a request body: its JSON path and Java type. */
    private record Field(String path, Class<?> type, boolean listOfStrings) {
    }

    @BeforeAll
    void start() throws Exception {
        mongo = new MongoServer(new MemoryBackend());
        int port = mongo.bind().getPort();
        binance = FakeBinanceServer.start(0, Clock.systemUTC());
        engine = EngineApplication.start(EngineSettings.from(ConfigLoader.load(null, EngineSettings.SETTINGS,
                Map.of("JWT_SECRET", SECRET, "DATABASE_URL", "mongodb://127.0.0.1:" + port + "/bot_core_hostile",
                        "BINANCE_BASE_URL", binance.baseUrl().toString(),
                        "EXCHANGE_KEY_ENCRYPTION_KEY", "hNdwH3E8Jb6o0yW4xfcyR1lqFM8n6lS1E9Ux6l0x6yQ"),
                Map.of("server.port", "0", "logging.dir", dir.toString(), "paths.data_dir", dir.toString(),
                        "security.bcrypt_cost", "10", "security.login_attempts_per_minute", "10000"))));
        base = URI.create("http://127.0.0.1:" + engine.getEnvironment().getProperty("local.server.port"));
        routes = routes(engine.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class));

        UserStore users = new UserStore(engine.getBean(MongoDatabase.class), Clock.systemUTC());
        Passwords passwords = new Passwords(10);
        aliceAccount = users.create("alice@example.com", passwords.hash("alice's long password"), Role.TRADER);
        users.create("bob@example.com", passwords.hash("bob's long password"), Role.TRADER);
        users.create("admin@example.com", passwords.hash("admin's long password"), Role.ADMIN);
        alice = login("alice@example.com", "alice's long password");
        bob = login("bob@example.com", "bob's long password");
        admin = login("admin@example.com", "admin's long password");
        HttpResponse<String> created = send("POST", "/api/bots", alice, "{\"name\":\"alice bot\",\"strategy\":\"rsi\","
                + "\"symbols\":[\"BTCUSDT\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        aliceBot = JSON.readTree(created.body()).path("data").path("id").asString();
        engine.getBean(MongoDatabase.class).getCollection("orders").insertOne(new Document("user_id", aliceAccount.id())
                .append("bot_id", aliceBot).append("client_order_id", "alice-secret-order").append("symbol", "BTCUSDT")
                .append("status", "FILLED").append("timestamp", new Date()));
    }

    @AfterAll
    void stop() {
        System.out.println("HostileInputTest: " + cases + " hostile cases over " + routes.size() + " routes");
        engine.close();
        binance.close();
        mongo.shutdownNow();
    }

    @Test
    @Order(1)
    void theRouteTableIsReadFromSpringAndCoversTheApi() {
        Set<String> keys = new TreeSet<>();
        routes.forEach(r -> keys.add(r.key()));
        assertThat(keys).as("the suite must see the routes it attacks").contains("POST /api/auth/login",
                "GET /api/bots/{id}", "PUT /api/admin/log-level", "GET /api/market/candles/{symbol}/{timeframe}");
        assertThat(keys).containsAll(DOCUMENTED_PUBLIC);
    }

    @Test
    @Order(2)
    void onlyTheDocumentedPublicRoutesAnswerWithoutAToken() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Route route : routes) {
            HttpResponse<String> response = send(route.method(), path(route, aliceBot), null, "{}");
            boolean isPublic = DOCUMENTED_PUBLIC.contains(route.key());
            if (route.isErrorPage()) {
                expect(problems, route.key() + " called directly is an unknown page", response.statusCode() == 404
                        && isJsonError(response), response);
            } else if (isPublic) {
                expect(problems, route.key() + " without a token", response.statusCode() != 401
                        && response.statusCode() < 500, response);
            } else {
                expect(problems, route.key() + " without a token must be 401", response.statusCode() == 401
                        && isJsonError(response) && response.headers().firstValue("WWW-Authenticate").isPresent(),
                        response);
            }
        }
        for (String token : new String[] {null, "garbage", forged("none")}) {
            HttpResponse<String> ws = send("GET", token == null ? "/ws" : "/ws?token=" + token, null, null);
            expect(problems, "GET /ws handshake with token " + token, ws.statusCode() == 401, ws);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    @Order(3)
    void forgedExpiredAndForeignTokensOpenNothing() throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String kind : new String[] {"none", "tampered", "expired", "other-key", "not-yet-valid", "hs512",
            "wrong-audience", "wrong-issuer", "no-expiry"}) {
            tokens.put(kind, forged(kind));
        }
        tokens.put("truncated", alice.substring(0, alice.lastIndexOf('.')));
        tokens.put("two dots only", "..");
        assertThat(send("GET", "/api/auth/me", forged("valid"), null).statusCode())
                .as("the forging helper makes good tokens with the right key").isEqualTo(200);
        for (Route route : routes) {
            if (DOCUMENTED_PUBLIC.contains(route.key()) || route.isErrorPage()) {
                continue;
            }
            for (Map.Entry<String, String> token : tokens.entrySet()) {
                HttpResponse<String> response = send(route.method(), path(route, aliceBot), token.getValue(), "{}");
                expect(problems, route.key() + " with a " + token.getKey() + " token must be 401",
                        response.statusCode() == 401 && isJsonError(response), response);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    @Order(4)
    void anotherUsersIdsAreNotFoundExactlyLikeUnknownOnes() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Route route : routes) {
            if (!route.pattern().contains("{id}") || route.isAdmin()) {
                continue;
            }
            HttpResponse<String> foreign = send(route.method(), path(route, aliceBot), bob, "{}");
            HttpResponse<String> unknown = send(route.method(), path(route, "zzzzzzzzzz"), bob, "{}");
            expect(problems, route.key() + ": bob asking for alice's id must get 404", foreign.statusCode() == 404
                    && isJsonError(foreign) && !foreign.body().contains("alice"), foreign);
            expect(problems, route.key() + ": the answer must equal the one for an unknown id",
                    unknown.statusCode() == foreign.statusCode() && errorOf(unknown).replace("zzzzzzzzzz", "ID")
                            .equals(errorOf(foreign).replace(aliceBot, "ID")), unknown);
        }
        for (String kind : new String[] {"orders", "trades", "signals"}) {
            HttpResponse<String> list = send("GET", "/api/" + kind + "?bot_id=" + aliceBot, bob, null);
            expect(problems, "bob listing " + kind + " of alice's bot sees nothing", list.statusCode() == 200
                    && JSON.readTree(list.body()).path("data").isEmpty(), list);
        }
        HttpResponse<String> own = send("GET", "/api/orders?bot_id=" + aliceBot, alice, null);
        expect(problems, "alice sees her own order (the filter is real)", own.body().contains("alice-secret-order"),
                own);
        HttpResponse<String> bobs = send("GET", "/api/orders", bob, null);
        expect(problems, "bob's order list holds nothing of alice", bobs.statusCode() == 200
                && !bobs.body().contains("alice-secret-order"), bobs);
        HttpResponse<String> adminView = send("GET", "/api/bots/" + aliceBot, admin, null);
        expect(problems, "an admin does not browse a trader's bot through the trader API either",
                adminView.statusCode() == 404, adminView);
        assertThat(problems).isEmpty();
    }

    @Test
    @Order(5)
    void operatorObjectsInEveryJsonFieldAreRefusedNamingTheField() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Route route : routes) {
            if (route.bodyType() == null) {
                continue;
            }
            for (Field field : fields(route.bodyType(), "")) {
                for (String operator : OPERATORS) {
                    expectFieldError(problems, route, field.path(), operator);
                    if (field.listOfStrings()) {
                        expectFieldError(problems, route, field.path(), "[" + operator + "]");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    @Order(6)
    void operatorObjectsAndBracketOperatorsInEveryQueryParameterAreRefused() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Route route : routes) {
            for (String name : route.queryParameters()) {
                for (String operator : OPERATORS) {
                    HttpResponse<String> response = send(route.method(), path(route, aliceBot) + "?" + name + "="
                            + encode(operator), tokenFor(route), "{}");
                    expectNamed(problems, route.key() + " ?" + name + "=" + operator, response, name);
                }
                HttpResponse<String> bracket = send(route.method(), path(route, aliceBot) + "?" + name + "[$ne]=x&"
                        + name + "[$gt]=", tokenFor(route), "{}");
                expect(problems, route.key() + " ?" + name + "[$ne]=x is just an unknown parameter",
                        bracket.statusCode() < 500 && !bracket.body().contains("alice-secret-order")
                                || route.pattern().contains("{id}"), bracket);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    @Order(7)
    void oversizedBodiesAre413AndDeeplyNestedBodiesAre400Everywhere() throws Exception {
        List<String> problems = new ArrayList<>();
        String oversized = "{\"x\":\"" + "a".repeat((1 << 20) + 16) + "\"}";
        for (Route route : routes) {
            if (route.method().equals("GET")) {
                continue;
            }
            HttpResponse<String> declared = send(route.method(), path(route, aliceBot), tokenFor(route), oversized);
            expect(problems, route.key() + " with a body over 1 MiB (Content-Length)", declared.statusCode() == 413
                    && isJsonError(declared), declared);
            HttpResponse<String> chunked = sendChunked(route.method(), path(route, aliceBot), tokenFor(route),
                    oversized.getBytes(StandardCharsets.UTF_8));
            expect(problems, route.key() + " with a chunked body over 1 MiB", chunked.statusCode() == 413
                    && isJsonError(chunked), chunked);
            if (route.bodyType() != null) {
                String first = fields(route.bodyType(), "").get(0).path().split("\\.")[0];
                for (String nested : new String[] {"[".repeat(5000) + "]".repeat(5000),
                    "{\"a\":".repeat(5000) + "1" + "}".repeat(5000)}) {
                    HttpResponse<String> deep = send(route.method(), path(route, aliceBot), tokenFor(route),
                            "{\"" + first + "\":" + nested + "}");
                    expect(problems, route.key() + " with a 5000-deep body", deep.statusCode() == 400
                            && isJsonError(deep), deep);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    @Order(8)
    void nanInfinityNegativeAndHugeNumbersAreRefusedNamingTheField() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Route route : routes) {
            if (route.bodyType() != null) {
                for (Field field : fields(route.bodyType(), "")) {
                    if (numeric(field.type())) {
                        for (String number : BAD_NUMBERS) {
                            expectFieldError(problems, route, field.path(), number);
                        }
                    }
                }
            }
            for (String name : route.queryParameters()) {
                if (route.numericQueryParameter(name)) {
                    for (String number : BAD_NUMBER_PARAMS) {
                        HttpResponse<String> response = send(route.method(), path(route, aliceBot) + "?" + name + "="
                                + encode(number), tokenFor(route), "{}");
                        expectNamed(problems, route.key() + " ?" + name + "=" + number, response, name);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    @Order(9)
    void controlCharactersAreRefusedNamingTheFieldAndOrdinaryUnicodeIsNoError() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Route route : routes) {
            if (route.bodyType() != null) {
                for (Field field : fields(route.bodyType(), "")) {
                    if (field.type() == String.class) {
                        for (String text : CONTROL_STRINGS) {
                            String value = JSON.writeValueAsString(text);
                            expectFieldError(problems, route, field.path(), field.listOfStrings() ? "[" + value + "]"
                                    : value);
                        }
                        HttpResponse<String> unicode = send(route.method(), path(route, aliceBot), tokenFor(route),
                                nest(field.path(), JSON.writeValueAsString("Bötchen 🚀 名前 \uD83D\uDE00")));
                        expect(problems, route.key() + " " + field.path() + " with plain unicode is no 5xx",
                                unicode.statusCode() < 500 && isJson(unicode), unicode);
                    }
                }
                HttpResponse<String> lone = send(route.method(), path(route, aliceBot), tokenFor(route),
                        "{\"" + fields(route.bodyType(), "").get(0).path().split("\\.")[0] + "\":\"\\ud800\"}");
                expect(problems, route.key() + " with a lone surrogate", lone.statusCode() == 400
                        && isJsonError(lone), lone);
                HttpResponse<String> badUtf8 = sendBytes(route.method(), path(route, aliceBot), tokenFor(route),
                        new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
                expect(problems, route.key() + " with invalid UTF-8", badUtf8.statusCode() == 400
                        && isJsonError(badUtf8), badUtf8);
            }
            for (String name : route.queryParameters()) {
                if (route.numericQueryParameter(name)) {
                    continue;
                }
                for (String text : CONTROL_STRINGS) {
                    HttpResponse<String> response = send(route.method(), path(route, aliceBot) + "?" + name + "="
                            + encode(text), tokenFor(route), "{}");
                    expectNamed(problems, route.key() + " ?" + name + "=" + JSON.writeValueAsString(text), response,
                            name);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    @Order(10)
    void pathTraversalAndOperatorsInPathVariablesReachNoFileAndNoData() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Route route : routes) {
            Matcher variables = Pattern.compile("\\{(\\w+)}").matcher(route.pattern());
            while (variables.find()) {
                String variable = variables.group(1);
                List<String> values = new ArrayList<>(List.of(TRAVERSALS));
                for (String operator : OPERATORS) {
                    values.add(encode(operator));
                }
                values.add(encode("BTC\u0000USDT"));
                values.add(encode("名前"));
                for (String value : values) {
                    String path = route.pattern().replace("{" + variable + "}", value);
                    path = path(new Route(route.method(), path, route.handler()), aliceBot);
                    HttpResponse<String> response = send(route.method(), path, tokenFor(route), "{}");
                    expect(problems, route.key() + " with " + variable + "=" + value + " must be 400 or 404",
                            (response.statusCode() == 400 || response.statusCode() == 404) && isJsonError(response)
                                    && !response.body().contains("root:") && !response.body().contains("[fonts]"),
                            response);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    // ---- expectations

    private void expect(List<String> problems, String what, boolean ok, HttpResponse<String> response) {
        cases++;
        if (!ok) {
            String body = response.body();
            problems.add(what + " -> " + response.statusCode() + " " + (body.length() > 300 ? body.substring(0, 300)
                    : body));
        }
    }

    private void expectFieldError(List<String> problems, Route route, String fieldPath, String rawValue)
            throws Exception {
        HttpResponse<String> response = send(route.method(), path(route, aliceBot), tokenFor(route),
                nest(fieldPath, rawValue));
        expectNamed(problems, route.key() + " " + fieldPath + "=" + rawValue, response, fieldPath);
    }

    /** A 400 JSON error whose details or message name {@code name}. */
    private void expectNamed(List<String> problems, String what, HttpResponse<String> response, String name) {
        boolean named = false;
        if (response.statusCode() == 400 && isJsonError(response)) {
            JsonNode body = JSON.readTree(response.body());
            for (JsonNode detail : body.path("details")) {
                named |= detail.path("field").asString().startsWith(name);
            }
            named |= body.path("error").asString().startsWith(name + ":")
                    || body.path("error").asString().contains(" " + name + ":");
        }
        expect(problems, what + " must be a 400 naming " + name, named, response);
    }

    private static boolean isJson(HttpResponse<String> response) {
        try {
            return response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
                    && JSON.readTree(response.body()).isObject();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isJsonError(HttpResponse<String> response) {
        return isJson(response) && !JSON.readTree(response.body()).path("success").asBoolean(true)
                && !JSON.readTree(response.body()).path("error").asString().isBlank();
    }

    private static String errorOf(HttpResponse<String> response) {
        return isJson(response) ? JSON.readTree(response.body()).path("error").asString() : response.body();
    }

    // ---- routes and bodies

    private static List<Route> routes(RequestMappingHandlerMapping mapping) {
        List<Route> out = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            Collection<String> verbs = methods.isEmpty() ? List.of("GET", "POST")
                    : methods.stream().map(RequestMethod::name).toList();
            for (String pattern : info.getPatternValues()) {
                for (String expanded : expand(pattern)) {
                    for (String verb : verbs) {
                        out.add(new Route(verb, expanded, entry.getValue()));
                    }
                }
            }
        }
        out.sort(java.util.Comparator.comparing(Route::key));
        return out;
    }

    /** {@code /api/{kind:orders|trades}} becomes {@code /api/orders} and {@code /api/trades}. */
    private static List<String> expand(String pattern) {
        Matcher m = Pattern.compile("\\{(\\w+):([\\w|]+)}").matcher(pattern);
        if (!m.find()) {
            return List.of(pattern);
        }
        List<String> out = new ArrayList<>();
        for (String literal : m.group(2).split("\\|")) {
            out.addAll(expand(pattern.substring(0, m.start()) + literal + pattern.substring(m.end())));
        }
        return out;
    }

    private static String path(Route route, String id) {
        return route.pattern().replace("{id}", id).replace("{symbol}", "BTCUSDT").replace("{timeframe}", "1h")
                .replaceAll("\\{\\w+}", "x");
    }

    private String tokenFor(Route route) {
        return route.isAdmin() ? admin : alice;
    }

    private static List<Field> fields(Class<?> type, String prefix) {
        List<Field> out = new ArrayList<>();
        if (!type.isRecord()) {
            throw new AssertionError(type + " is a request body that is not a record; teach the suite its fields");
        }
        for (RecordComponent c : type.getRecordComponents()) {
            JsonProperty property = c.getAnnotation(JsonProperty.class);
            if (property == null) {
                property = c.getAccessor().getAnnotation(JsonProperty.class);
            }
            String name = prefix + (property != null ? property.value() : snake(c.getName()));
            Class<?> t = c.getType();
            if (t.isRecord()) {
                out.addAll(fields(t, name + "."));
            } else if (List.class.isAssignableFrom(t)) {
                Type element = ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
                out.add(new Field(name, element == String.class ? String.class : t, element == String.class));
            } else {
                out.add(new Field(name, t, false));
            }
        }
        return out;
    }

    private static boolean numeric(Class<?> t) {
        return Number.class.isAssignableFrom(t) || t == int.class || t == long.class || t == double.class
                || t == float.class || t == BigDecimal.class;
    }

    private static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code risk.stop_loss} and {@code NaN} become {@code {"risk":{"stop_loss":NaN}}}. */
    private static String nest(String path, String rawValue) {
        String[] parts = path.split("\\.");
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            out.append("{\"").append(part).append("\":");
        }
        out.append(rawValue).append("}".repeat(parts.length));
        return out.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ---- tokens

    private String forged(String kind) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(TokenService.ISSUER)
                .audience(TokenService.AUDIENCE).subject(aliceAccount.id()).claim("role", "admin")
                .claim("ver", aliceAccount.tokenVersion()).issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
        String key = SECRET;
        JWSAlgorithm alg = JWSAlgorithm.HS256;
        switch (kind) {
            case "none" -> {
                return new PlainJWT(claims.build()).serialize();
            }
            case "expired" -> claims.expirationTime(Date.from(now.minusSeconds(60)));
            case "not-yet-valid" -> claims.notBeforeTime(Date.from(now.plusSeconds(600)));
            case "other-key" -> key = "another-installation-key-0123456789-abcdefghijklmnopqrstuv";
            case "hs512" -> {
                alg = JWSAlgorithm.HS512;
                key = SECRET + SECRET;
            }
            case "wrong-audience" -> claims.audience("someone-else");
            case "wrong-issuer" -> claims.issuer("someone-else");
            case "no-expiry" -> claims.expirationTime(null);
            case "valid", "tampered" -> {
            }
            default -> throw new IllegalArgumentException(kind);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(alg), claims.build());
        jwt.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
        String token = jwt.serialize();
        if (kind.equals("tampered")) {
            String[] parts = token.split("\\.");
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace(aliceAccount.id(), "000000000000000000000000");
            token = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        }
        return token;
    }

    // ---- HTTP

    private String login(String email, String password) throws Exception {
        HttpResponse<String> response = send("POST", "/api/auth/login", null, "{\"email\":\"" + email
                + "\",\"password\":\"" + password + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("data").path("token").asString();
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return sendBytes(method, path, token, body == null || method.equals("GET") ? null
                : body.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> sendBytes(String method, String path, String token, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> sendChunked(String method, String path, String token, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
