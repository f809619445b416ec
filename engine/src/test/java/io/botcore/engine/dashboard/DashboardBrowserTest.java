package io.botcore.engine.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.mongodb.client.MongoDatabase;
import io.botcore.engine.maintenance.Maintenance;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import io.botcore.core.indicator.BollingerBands;
import io.botcore.core.indicator.Ema;
import io.botcore.core.indicator.Macd;
import io.botcore.core.indicator.Rsi;
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

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard in Debian's headless Chromium against the real engine playing recorded BTCUSDT and ETHUSDT 1h
 * candles: sign-in (wrong password, then right), the price ticking on the market chart, a paper bot created
 * through the form (a validation message beside its field first), started with confirmation, its first trade in
 * the history and its fills as chart markers, a viewer without trading controls, the kill switch, the end of a
 * session taking the browser back to sign-in, the chart's indicators (MACD included) equal to core's, the page at
 * phone width, the AI page through the engine's AI relay (no model, a model with its metrics and a signal, the
 * service down), exchange keys saved and shown masked only, and no Content-Security-Policy violation on any page.
 * The AI service is a local stand-in (the JDK's HTTP server) answering in the shapes of the ai module's
 * AiStatusController, TrainCommandSupport.metrics and Analyzer. Screenshots of every page go to
 * {@code target/dashboard-screenshots} (or the directory in system property {@code dashboard.screenshots}).
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian {@code chromium} and
 * {@code chromium-driver}; {@code scripts/test.sh} installs them); fails, never skips, without them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SECRET = "dashboard-browser-test-secret-0123456789-abcdefghijk";
    private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER_BIN",
            "/usr/bin/chromedriver");
    private static final String TRADER = "trader@example.com";
    /**
     * A network that stalls on demand: while {@code window.__stalled} is true, WebSocket messages are neither
     * delivered nor sent, as when a connection hangs without closing (installed before the page's scripts).
     */
    private static final String STALL = "(() => { const Native = window.WebSocket; window.__stalled = false;"
            + " window.WebSocket = class extends Native {"
            + " constructor(url, protocols) { super(url, protocols); this.addEventListener('message',"
            + " (e) => { if (window.__stalled) e.stopImmediatePropagation(); }); }"
            + " send(data) { if (!window.__stalled) super.send(data); } }; })();";
    private static final String TRADER_PASSWORD = "trader's long password";
    private static final String API_KEY = "q1w2e3r4t5y6u7i8o9p0AsDfGhJkLzXcVbNm1234567890abcdefghijklmnopQR";
    private static final String API_SECRET = "Zx9Cv8Bn7Mm6Ll5Kk4Jj3Hh2Gg1Ff0Ee9Dd8Cc7Bb6Aa5Zz4Yy3Xx2Ww1Vv0Uu9";
    /** The AI service's refusal without a servable model (Analyzer.model()). */
    private static final String NO_MODEL_ANALYSIS = "{\"success\":false,\"error\":\"no model to answer with: "
            + "no model has been promoted yet\"}";
    private static final String NO_MODEL_STATUS = "{\"success\":true,\"data\":{\"service\":\"ai\","
            + "\"status\":\"degraded\",\"model\":{\"state\":\"none\",\"active_version\":null,"
            + "\"message\":\"analyses are unavailable: no model has been promoted yet\"}}}";
    private static final String MODEL_STATUS = "{\"success\":true,\"data\":{\"service\":\"ai\",\"status\":\"up\","
            + "\"model\":{\"state\":\"active\",\"active_version\":\"v0003\",\"kind\":\"logistic\","
            + "\"symbol\":\"BTCUSDT\",\"interval\":\"1h\",\"trained_at\":\"2025-09-19T08:00:00Z\",\"age_s\":3600,"
            + "\"training_window\":{\"from\":\"2020-09-22T01:00:00Z\",\"to\":\"2025-09-18T23:00:00Z\","
            + "\"rows\":43700},\"data_freshness_s\":7200,\"sha256\":\"ab12\",\"out_of_sample\":{"
            + "\"walk_forward\":{\"folds\":8,\"out_of_sample_bars\":16000,"
            + "\"out_of_sample_from\":\"2023-11-01T00:00:00Z\",\"out_of_sample_to\":\"2025-09-18T23:00:00Z\"},"
            + "\"rows\":16000,\"accuracy\":0.41235,\"log_loss\":1.07012,\"brier\":0.64321,\"auc_macro\":0.53987,"
            + "\"expected_calibration_error\":0.021,"
            + "\"baseline\":{\"rows\":16000,\"accuracy\":0.38,\"log_loss\":1.09348,\"brier\":0.66012,"
            + "\"auc_macro\":0.5},"
            + "\"strategy\":{\"total_return\":0.1234,\"max_drawdown\":0.2101,\"trades\":57,\"exposure\":0.31},"
            + "\"buy_and_hold\":{\"total_return\":0.8,\"max_drawdown\":0.35,\"trades\":1,\"exposure\":1.0},"
            + "\"best_indicator\":{\"name\":\"ema_cross\",\"total_return\":0.05,\"max_drawdown\":0.3,"
            + "\"trades\":120,\"exposure\":0.5},"
            + "\"verdict\":{\"beats_baseline_log_loss\":true,\"beats_baseline_brier\":true,"
            + "\"beats_buy_and_hold\":false,\"beats_best_indicator\":true}}}}}";

    @TempDir
    static Path dir;

    private MongoServer mongo;
    private ConfigurableApplicationContext engine;
    private URI base;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private Path screenshots;
    private String botId;
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer ai;
    private final AtomicBoolean aiModel = new AtomicBoolean();
    private final AtomicReference<JsonNode> aiRequest = new AtomicReference<>();
    private final AtomicReference<String> aiAuthorization = new AtomicReference<>();

    @BeforeAll
    void start() throws Exception {
        assertThat(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute())
                .as("the dashboard browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                        + CHROMEDRIVER + "); install them with: apt-get install -y chromium chromium-driver "
                        + "(./bot-core test does this when they are missing)")
                .isTrue();
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("data/recorded"))) {
            root = root.getParent();
        }
        screenshots = Path.of(System.getProperty("dashboard.screenshots",
                root.resolve("engine/target/dashboard-screenshots").toString())).toAbsolutePath();
        Files.createDirectories(screenshots);
        CandleStore store = new CandleStore(dir.resolve("data/market"));
        for (String symbol : List.of("BTCUSDT", "ETHUSDT")) {
            try (var files = Files.list(root.resolve("data/recorded"))) {
                Path file = files.filter(f -> f.getFileName().toString().startsWith("binance_" + symbol + "_1h_"))
                        .findFirst().orElseThrow();
                store.write(ReplayFeed.SOURCE, symbol, CandleCsvReader.read(file, Interval.H1));
            }
        }
        startAi();
        byte[] sealingKey = new byte[32];
        new SecureRandom().nextBytes(sealingKey);
        mongo = new MongoServer(new MemoryBackend());
        int port = mongo.bind().getPort();
        engine = EngineApplication.start(EngineSettings.from(ConfigLoader.load(null, EngineSettings.SETTINGS,
                Map.of("JWT_SECRET", SECRET, "DATABASE_URL", "mongodb://127.0.0.1:" + port + "/bot_core_dashboard",
                        "BINANCE_BASE_URL", "http://127.0.0.1:1", "TRADING_FEED", "replay",
                        "AI_SERVICE_URL", "http://127.0.0.1:" + ai.getAddress().getPort(),
                        "EXCHANGE_KEY_ENCRYPTION_KEY", Base64.getUrlEncoder().withoutPadding()
                                .encodeToString(sealingKey)),
                Map.of("server.port", "0", "logging.dir", dir.toString(), "paths.data_dir",
                        dir.resolve("data").toString(), "security.bcrypt_cost", "10",
                        "security.login_attempts_per_minute", "100", "trading.symbols", "BTCUSDT,ETHUSDT",
                        "trading.replay_speed", "8", "trading.replay_days", "60", "trading.warm_up_candles", "50"))));
        base = URI.create("http://127.0.0.1:" + engine.getEnvironment().getProperty("local.server.port"));
        UserStore users = new UserStore(engine.getBean(MongoDatabase.class), Clock.systemUTC());
        Passwords passwords = new Passwords(10);
        users.create(TRADER, passwords.hash(TRADER_PASSWORD), Role.TRADER);
        users.create("viewer@example.com", passwords.hash("viewer's long password"), Role.VIEWER);
        users.create("admin@example.com", passwords.hash("admin's long password"), Role.ADMIN);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-dev-shm-usage", "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(100));
    }

    /**
     * The AI stand-in: status and analysis without a model until {@link #aiModel} is set, then the model's status
     * and a Long signal for the last candle the page sent.
     */
    private void startAi() throws IOException {
        ai = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ai.createContext("/api/ai/status", exchange -> answer(exchange, 200,
                aiModel.get() ? MODEL_STATUS : NO_MODEL_STATUS));
        ai.createContext("/api/ai/analyze", exchange -> {
            aiAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            aiRequest.set(request);
            if (!aiModel.get()) {
                answer(exchange, 503, NO_MODEL_ANALYSIS);
                return;
            }
            JsonNode candles = request.path("timeframe_data").path("1h");
            long last = candles.get(candles.size() - 1).path("timestamp").asLong();
            answer(exchange, 200, "{\"success\":true,\"data\":{\"symbol\":\"" + request.path("symbol").asString()
                    + "\",\"timeframe\":\"1h\",\"candle_open_time\":" + last + ",\"signal\":\"Long\","
                    + "\"confidence\":0.61,\"probabilities\":{\"down\":0.2712,\"flat\":0.1188,\"up\":0.61},"
                    + "\"score\":0.3388,\"signal_threshold\":0.05,\"reasons\":[{\"feature\":\"rsi_14\","
                    + "\"value\":28.5,\"training_median\":51.2,\"contribution\":0.1215,"
                    + "\"description\":\"RSI(14) of the close\"}],\"reasoning\":\"Long: P(up) - P(down) over the "
                    + "next 4 hours is 0.3388, above the threshold 0.05\",\"model_version\":\"v0003\","
                    + "\"model_kind\":\"logistic\",\"model_trained_at\":\"2025-09-19T08:00:00Z\","
                    + "\"cached\":false}}");
        });
        ai.start();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterAll
    void stop() {
        if (ai != null) {
            ai.stop(0);
        }
        if (browser != null) {
            browser.quit();
        }
        if (engine != null) {
            engine.close();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }

    @Test
    @Order(1)
    void aWrongPasswordIsRefusedWithAMessageThenTheRightOneOpensTheOverview() throws Exception {
        browser.get(base.toString());
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        System.err.println("dashboard sign-in page, cold cache: first contentful paint " + ((JavascriptExecutor) browser)
                .executeScript("const p = performance.getEntriesByName('first-contentful-paint')[0];"
                        + " return p ? Math.round(p.startTime) + ' ms' : 'not reported';"));
        shot("login");
        signIn(TRADER, "not the password at all");
        wait.until(ExpectedConditions.textToBe(By.id("login-error"), "Wrong email or password."));
        assertThat(form.isDisplayed()).isTrue();

        WebElement email = browser.findElement(By.id("email"));
        email.clear();
        email.sendKeys(TRADER + Keys.TAB);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("Tab goes on to the password")
                .isEqualTo("password");
        browser.switchTo().activeElement().sendKeys(TRADER_PASSWORD + Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section[data-page=overview]")));
        wait.until(ExpectedConditions.textToBe(By.id("live-state"), "live"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=engine-status]")));
        assertThat(browser.findElement(By.id("who")).getText()).isEqualTo(TRADER + " (trader)");
        assertNoConsoleErrors();
    }

    @Test
    @Order(2)
    void theMarketChartTicksWithTheFeed() {
        go("market");
        WebElement price = browser.findElement(By.cssSelector("[data-test=last-price]"));
        WebElement candle = browser.findElement(By.cssSelector("[data-test=last-candle]"));
        wait.until(d -> !price.getText().equals("—"));
        String first = candle.getText();
        wait.until(d -> !candle.getText().equals(first));
        assertThat(price.getText()).matches("[0-9,]+\\.[0-9]+");
        assertThat(browser.findElements(By.cssSelector("#market-chart canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.id("market-chart")).getAttribute("data-panes")).isEqualTo("price rsi macd");
        browser.findElement(By.id("show-rsi")).click();
        assertThat(browser.findElement(By.id("market-chart")).getAttribute("data-panes")).isEqualTo("price macd");
        browser.findElement(By.id("show-rsi")).click();
        assertThat(browser.findElement(By.id("market-chart")).getAttribute("data-panes")).isEqualTo("price rsi macd");
        assertNoConsoleErrors();
    }

    @Test
    @Order(3)
    void aPaperBotIsCreatedWithFieldMessagesStartedAndItsFirstTradeShowsInTheTableAndOnTheChart()
            throws Exception {
        go("bots");
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bot-form")));
        wait.until(d -> new Select(browser.findElement(By.id("bot-strategy"))).getOptions().size() > 1);
        browser.findElement(By.id("bot-name")).sendKeys("e2e rsi");
        new Select(browser.findElement(By.id("bot-strategy"))).selectByValue("rsi");
        browser.findElement(By.id("bot-params")).sendKeys("period=2\noversold=45\noverbought=55");
        WebElement fraction = browser.findElement(By.id("bot-risk-position_fraction"));
        fraction.sendKeys("2");
        browser.findElement(By.id("bot-create")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.id("bot-risk-position_fraction-error")));
        assertThat(error.getText()).isEqualTo("must be at most 1");
        assertThat(fraction.getAttribute("aria-invalid")).isEqualTo("true");

        fraction.clear();
        fraction.sendKeys("0.5");
        browser.findElement(By.id("bot-create")).click();
        botId = settling().until(d -> d.findElement(By.cssSelector("tr[data-name='e2e rsi']")).getAttribute("data-bot"));
        assertThat(form.findElement(By.id("bot-risk-position_fraction-error")).getText()).isEmpty();

        settling().until(d -> {
            d.findElement(By.cssSelector("tr[data-bot='" + botId + "'] button[data-action=start]")).click();
            return true;
        });
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.confirm")));
        assertThat(dialog.getText()).contains("Start e2e rsi on paper?").contains("simulated money");
        shot("bots-confirm");
        dialog.findElement(By.cssSelector("[data-test=confirm]")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("tr[data-bot='" + botId + "'] [data-test=status]"),
                "running"));
        assertThat(call("GET", "/api/bots/" + botId, token(TRADER, TRADER_PASSWORD)).path("data").path("status")
                .asString()).isEqualTo("running");
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");
        shot("bots");

        go("orders");
        By firstTrade = By.cssSelector("table[data-kind=trades] tr[data-bot='" + botId + "']");
        new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(200)).until(
                ExpectedConditions.visibilityOfElementLocated(firstTrade));
        wait.until(d -> !d.findElements(By.cssSelector("#hist-bot option[value='" + botId + "']")).isEmpty());
        new Select(browser.findElement(By.id("hist-bot"))).selectByValue(botId);
        WebDriverWait settling = settling();
        String tradeId = settling.until(d -> d.findElement(firstTrade).getAttribute("data-id"));
        JsonNode stored = call("GET", "/api/trades?bot_id=" + botId + "&limit=10000",
                token(TRADER, TRADER_PASSWORD)).path("data");
        List<String> storedIds = new ArrayList<>();
        stored.forEach(t -> storedIds.add(t.path("trade_id").asString()));
        assertThat(storedIds).contains(tradeId);
        By why = By.cssSelector("tr[data-id='" + tradeId + "'] button[aria-expanded]");
        settling.until(d -> {
            d.findElement(why).click();
            return true;
        });
        String reasons = settling.until(d -> {
            WebElement reasonRow = d.findElement(By.cssSelector("tr[data-id='" + tradeId + "'] + tr.reasons-row"));
            return reasonRow.isDisplayed() ? reasonRow.getText() : null;
        });
        assertThat(reasons).contains("rsi:").contains("Closed by:");
        shot("orders");

        go("market");
        WebElement markers = browser.findElement(By.cssSelector("[data-test=marker-count]"));
        wait.until(d -> markers.getAttribute("data-fills") != null
                && Integer.parseInt(markers.getAttribute("data-fills")) >= 2
                && !d.findElement(By.cssSelector("[data-test=last-price]")).getText().equals("—"));
        shot("market");
        assertNoConsoleErrors();
    }

    @Test
    @Order(4)
    void whenTheConnectionStallsTheBadgeSaysStaleAndTheChartCatchesUpOnReconnect() {
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", STALL));
        browser.navigate().refresh();
        go("market");
        wait.until(ExpectedConditions.textToBe(By.id("live-state"), "live"));
        ((JavascriptExecutor) browser).executeScript("window.__stalled = true;");
        new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100))
                .until(ExpectedConditions.textToBe(By.id("live-state"), "stale · reconnecting"));
        String before = text(By.cssSelector("[data-test=last-candle]"));
        shot("market-stale");
        ((JavascriptExecutor) browser).executeScript("window.__stalled = false;");
        new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100))
                .until(ExpectedConditions.textToBe(By.id("live-state"), "live"));
        wait.until(d -> !text(By.cssSelector("[data-test=last-candle]")).equals(before));
    }

    @Test
    @Order(5)
    void theOverviewShowsTheBotsEquityPnlAndHealth() {
        go("overview");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=equity] .value")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=bots] tr[data-bot='"
                + botId + "']")));
        assertThat(text(By.cssSelector("[data-test=pnl-total] .value"))).matches("[+-]?[0-9,]+\\.[0-9]{2}");
        assertThat(text(By.cssSelector("[data-test=pnl-today] .value"))).matches("[+-]?[0-9,]+\\.[0-9]{2}");
        shot("overview");
        assertNoConsoleErrors();
    }

    @Test
    @Order(6)
    void theChartsIndicatorsEqualCoresOnTheSameCandles() throws Exception {
        JsonNode candles = call("GET", "/api/market/chart/BTCUSDT/1h?limit=300", token(TRADER, TRADER_PASSWORD))
                .path("data").path("candles");
        double[] closes = new double[candles.size()];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = candles.get(i).path("close").asDouble();
        }
        @SuppressWarnings("unchecked")
        Map<String, List<Object>> js = (Map<String, List<Object>>) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "import('/app/indicators.js').then(m => { const c = arguments[0];"
                        + " const b = m.bollinger(c, 20, 2);"
                        + " const d = m.macd(c, 12, 26, 9);"
                        + " done({ema: m.ema(c, 20), upper: b.upper, lower: b.lower, rsi: m.rsi(c, 14),"
                        + " macd: d.line, signal: d.signal, histogram: d.histogram}); })",
                toList(closes));
        BollingerBands.Values bands = BollingerBands.compute(closes, 20, 2.0);
        assertSame("ema", Ema.compute(closes, 20), js.get("ema"));
        assertSame("upper", bands.upper(), js.get("upper"));
        assertSame("lower", bands.lower(), js.get("lower"));
        assertSame("rsi", Rsi.compute(closes, 14), js.get("rsi"));
        Macd.Values macd = Macd.compute(closes, 12, 26, 9);
        assertSame("macd line", macd.line(), js.get("macd"));
        assertSame("macd signal", macd.signal(), js.get("signal"));
        assertSame("macd histogram", macd.histogram(), js.get("histogram"));
    }

    @Test
    @Order(7)
    void csvExportQuotesWhatNeedsQuoting() {
        Object text = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "import('/app/pages/orders.js').then(m => done(JSON.stringify(m.csv([['a', 'A'],"
                        + " ['b', 'B, b']], [{a: 'x\"y', b: 1.5}, {a: null, b: 'line\\nbreak'}]))))");
        assertThat(text).isEqualTo("\"A,\\\"B, b\\\"\\r\\n\\\"x\\\"\\\"y\\\",1.5\\r\\n,\\\"line\\nbreak\\\"\\r\\n\"");
    }

    @Test
    @Order(8)
    void atPhoneWidthNothingOverflowsSideways() {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            for (String page : List.of("overview", "bots", "orders", "market", "ai", "settings")) {
                go(page);
                long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(overflow).as(page + " scrolls sideways by " + overflow + " px").isLessThanOrEqualTo(0);
            }
            go("overview");
            shot("phone-overview");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    @Order(9)
    void aViewerSeesNoTradingControls() {
        signOut();
        signIn("viewer@example.com", "viewer's long password");
        go("bots");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=viewer-note]")));
        assertThat(browser.findElements(By.id("bot-form"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("button[data-action]"))).isEmpty();
        assertThat(browser.findElements(By.id("kill-engage"))).isEmpty();
    }

    @Test
    @Order(10)
    void theAdminsKillSwitchStopsEveryBotAfterAConfirmationWithAReason() throws Exception {
        signOut();
        signIn("admin@example.com", "admin's long password");
        go("bots");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("kill-engage"))).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.confirm")));
        dialog.findElement(By.cssSelector("[data-test=confirm]")).click();
        assertThat(dialog.findElement(By.cssSelector(".field-error")).getText()).isEqualTo("reason: is required");
        dialog.findElement(By.id("kill-reason")).sendKeys("browser test");
        shot("kill-switch-confirm");
        dialog.findElement(By.cssSelector("[data-test=confirm]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=kill-state]"),
                "ENGAGED"));
        String trader = token(TRADER, TRADER_PASSWORD);
        assertThat(call("GET", "/api/bots/" + botId, trader).path("data").path("status").asString())
                .isEqualTo("stopped");
        assertThat(call("GET", "/api/admin/kill-switch", token("admin@example.com", "admin's long password"))
                .path("data").path("reason").asString()).isEqualTo("browser test");
        shot("kill-switch");

        browser.findElement(By.id("kill-release")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.confirm [data-test=confirm]")))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("kill-engage")));

        MongoDatabase db = engine.getBean(MongoDatabase.class);
        Maintenance.on(db, "exchange upgrade", java.time.Instant.now().plus(java.time.Duration.ofHours(2)), "test",
                Clock.systemUTC());
        new WebDriverWait(browser, java.time.Duration.ofSeconds(20)).until(
                ExpectedConditions.visibilityOfElementLocated(By.id("maintenance")));
        assertThat(browser.findElement(By.id("maintenance")).getText()).startsWith("Maintenance: exchange upgrade")
                .contains("until").contains("protective stops stay active");
        shot("maintenance");
        Maintenance.off(db);
        new WebDriverWait(browser, java.time.Duration.ofSeconds(20)).until(
                ExpectedConditions.invisibilityOfElementLocated(By.id("maintenance")));
        go("backtest");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=unavailable]")));
        shot("backtest");
        assertNoConsoleErrors();
    }

    @Test
    @Order(11)
    void whenTheSessionEndsOnTheEngineTheNextActionLeadsBackToSignIn() throws Exception {
        signOut();
        signIn(TRADER, TRADER_PASSWORD);
        go("orders");
        String token = token(TRADER, TRADER_PASSWORD);
        assertThat(send("POST", "/api/auth/change-password", token, "{\"current_password\":\"" + TRADER_PASSWORD
                + "\",\"new_password\":\"a brand new long password\"}").statusCode()).isEqualTo(200);
        new Select(browser.findElement(By.id("hist-kind"))).selectByValue("orders");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        assertThat(browser.findElement(By.id("login-error")).getText())
                .isEqualTo("Your session has ended. Sign in again.");
        assertThat(browser.findElement(By.id("top")).isDisplayed()).isFalse();
        assertThat(((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('botcore.session')"))
                .isNull();
    }

    @Test
    @Order(12)
    void theAiPageShowsTheServicesOwnMessageWithoutAModelThenTheModelItsMetricsAndASignal() throws Exception {
        signIn("admin@example.com", "admin's long password");
        go("ai");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-test=ai-no-model]"),
                "analyses are unavailable: no model has been promoted yet"));
        wait.until(d -> !d.findElements(By.cssSelector("#ai-symbol option[value=BTCUSDT]")).isEmpty());
        browser.findElement(By.id("ai-analyze")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-test=ai-signal] [data-test=ai-error]"),
                "no model to answer with: no model has been promoted yet"));
        assertThat(browser.findElements(By.cssSelector("[data-test=ai-signal-value]"))).isEmpty();

        aiModel.set(true);
        reload("ai");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-test=ai-version]"), "v0003"));
        assertThat(rowCells("[data-test=ai-metrics] tr[data-metric=log_loss]"))
                .containsExactly("Log loss (lower is better)", "1.07012", "1.09348");
        assertThat(rowCells("[data-test=ai-metrics] tr[data-metric=accuracy]"))
                .containsExactly("Accuracy", "0.4124", "0.3800");
        assertThat(rowCells("[data-test=ai-trading] tr[data-metric=total_return]"))
                .containsExactly("Total return", "12.34 %", "80.00 %", "5.00 %");
        wait.until(d -> !d.findElements(By.cssSelector("#ai-symbol option[value=BTCUSDT]")).isEmpty());
        new Select(browser.findElement(By.id("ai-symbol"))).selectByValue("BTCUSDT");
        browser.findElement(By.id("ai-analyze")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-test=ai-signal-value]"), "Long"));
        assertThat(rowCells("[data-test=ai-signal] tr[data-class=up]")).containsExactly("up", "0.6100");
        assertThat(rowCells("[data-test=ai-signal] tr[data-class=flat]")).containsExactly("flat", "0.1188");
        assertThat(rowCells("[data-test=ai-signal] tr[data-class=down]")).containsExactly("down", "0.2712");
        assertThat(rowCells("[data-test=ai-signal] tr[data-feature=rsi_14]"))
                .containsExactly("rsi_14", "28.5000", "51.2000", "0.1215", "RSI(14) of the close");
        assertThat(text(By.cssSelector("[data-test=ai-reasoning]"))).startsWith("Long: P(up) - P(down)");

        JsonNode sent = aiRequest.get();
        assertThat(aiAuthorization.get()).as("the caller's own token goes on to the AI service").startsWith("Bearer ");
        assertThat(sent.path("symbol").asString()).isEqualTo("BTCUSDT");
        JsonNode window = sent.path("timeframe_data").path("1h");
        assertThat(window.size()).isEqualTo(300);
        JsonNode stored = call("GET", "/api/market/chart/BTCUSDT/1h?limit=1000", token("admin@example.com",
                "admin's long password")).path("data").path("candles");
        Map<Long, JsonNode> byTime = new java.util.HashMap<>();
        stored.forEach(c -> byTime.put(c.path("timestamp").asLong(), c));
        for (int i = 0; i < window.size(); i++) {
            JsonNode c = window.get(i);
            if (i > 0) {
                assertThat(c.path("timestamp").asLong() - window.get(i - 1).path("timestamp").asLong())
                        .isEqualTo(3_600_000L);
            }
            JsonNode truth = byTime.get(c.path("timestamp").asLong());
            assertThat(truth).as("candle " + c + " is a stored candle").isNotNull();
            for (String field : List.of("open", "high", "low", "close", "volume")) {
                assertThat(c.path(field).asDouble()).isEqualTo(truth.path(field).asDouble());
            }
        }
        assertThat(sent.path("current_price").asDouble()).isEqualTo(window.get(299).path("close").asDouble());
        shot("ai");

        int port = ai.getAddress().getPort();
        ai.stop(0);
        ai = null;
        reload("ai");
        wait.until(ExpectedConditions.textMatches(By.cssSelector("[data-test=ai-status] [data-test=ai-error]"),
                java.util.regex.Pattern.compile("^AI service unavailable: AI service at http://127\\.0\\.0\\.1:"
                        + port + " unreachable.*")));
        assertNoConsoleErrors();
    }

    @Test
    @Order(13)
    void exchangeKeysAreSavedWithFieldMessagesAndOnlyEverShownMasked() throws Exception {
        go("settings");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=keys-none]")));
        assertThat(text(By.cssSelector("[data-test=maintenance]"))).contains("./bot-core maintenance on");
        WebElement key = browser.findElement(By.id("keys-api-key"));
        WebElement secret = browser.findElement(By.id("keys-api-secret"));
        assertThat(secret.getAttribute("type")).isEqualTo("password");
        key.sendKeys("short");
        secret.sendKeys(API_SECRET);
        browser.findElement(By.id("keys-save")).click();
        wait.until(ExpectedConditions.textToBe(By.id("keys-api-key-error"),
                "must be 16 to 256 letters, digits, _ or -"));
        assertThat(key.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("keys-api-secret-error")).getText()).isEmpty();

        key.clear();
        key.sendKeys(API_KEY);
        secret.clear();
        secret.sendKeys(API_SECRET);
        browser.findElement(By.id("keys-testnet")).click();
        browser.findElement(By.id("keys-save")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-test=keys-key]"), "q1w2…opQR"));
        assertThat(text(By.cssSelector("[data-test=keys-secret]"))).isEqualTo("****…0Uu9");
        assertThat(text(By.cssSelector("[data-test=keys-current]"))).contains("testnet");
        assertThat(key.getAttribute("value")).isEmpty();
        assertThat(secret.getAttribute("value")).isEmpty();
        assertThat(browser.findElement(By.id("keys-api-key-error")).getText()).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(API_SECRET).doesNotContain(API_KEY);
        shot("settings");

        reload("settings");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-test=keys-key]"), "q1w2…opQR"));
        assertThat(browser.getPageSource()).doesNotContain(API_SECRET).doesNotContain(API_KEY);

        browser.findElement(By.id("keys-delete")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog.confirm [data-test=confirm]")))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=keys-none]")));
        assertThat(call("GET", "/api/settings/exchange-keys", token("admin@example.com", "admin's long password"))
                .path("data").path("configured").asBoolean()).isFalse();

        signOut();
        signIn("viewer@example.com", "viewer's long password");
        go("settings");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=keys-viewer-note]")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=keys-none]")));
        assertThat(browser.findElements(By.id("keys-form"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("[data-test=maintenance]"))).isEmpty();
        assertNoConsoleErrors();
    }

    private List<String> rowCells(String css) {
        return settling().until(d -> d.findElement(By.cssSelector(css)).findElements(By.tagName("td")).stream()
                .map(WebElement::getText).toList());
    }

    private void signIn(String email, String password) {
        WebElement emailField = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email")));
        emailField.clear();
        emailField.sendKeys(email);
        WebElement passwordField = browser.findElement(By.id("password"));
        passwordField.clear();
        passwordField.sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
        if (!password.equals("not the password at all")) {
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("top")));
        }
    }

    private void signOut() {
        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
    }

    private void go(String page) {
        browser.get(base + "/#/" + page);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section[data-page=" + page + "] h1")));
    }

    /** Loads the page afresh (go() to the page already shown changes nothing). */
    private void reload(String page) {
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section[data-page=" + page + "] h1")));
    }

    /** The text of an element that live updates may replace while it is read. */
    private String text(By locator) {
        return settling().until(d -> d.findElement(locator).getText());
    }

    /** A wait that looks again when a live update replaced the element it had found. */
    private WebDriverWait settling() {
        WebDriverWait settling = new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(100));
        settling.ignoring(StaleElementReferenceException.class);
        return settling;
    }

    private void shot(String name) throws RuntimeException {
        try {
            Files.write(screenshots.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void assertNoConsoleErrors() {
        List<String> severe = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()
                    && !entry.getMessage().contains("Failed to load resource")) {
                severe.add(entry.getMessage());
            }
        }
        assertThat(severe).as("browser console errors (a CSP violation shows here)").isEmpty();
    }

    private static List<Double> toList(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }

    private static void assertSame(String name, double[] expected, List<Object> actual) {
        assertThat(actual).as(name).hasSize(expected.length);
        int defined = 0;
        for (int i = 0; i < expected.length; i++) {
            Object value = actual.get(i);
            if (Double.isNaN(expected[i])) {
                assertThat(value == null || value instanceof Double d && d.isNaN()).as(name + "[" + i + "]").isTrue();
                continue;
            }
            double v = ((Number) value).doubleValue();
            assertThat(v).as(name + "[" + i + "]").isCloseTo(expected[i], within(Math.abs(expected[i]) * 1e-9));
            defined++;
        }
        assertThat(defined).as(name + " defined values").isGreaterThan(expected.length / 2);
    }

    private String token(String email, String password) throws Exception {
        return call("POST", "/api/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .path("data").path("token").asString();
    }

    private JsonNode call(String method, String path, String token) throws Exception {
        return call(method, path, token, null);
    }

    private JsonNode call(String method, String path, String token, String body) throws Exception {
        HttpResponse<String> answer = send(method, path, token, body);
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isBetween(200, 299);
        return JSON.readTree(answer.body());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return send("GET", path, token, null);
    }

    private HttpResponse<String> send(String method, String path, String token) throws Exception {
        return send(method, path, token, null);
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
