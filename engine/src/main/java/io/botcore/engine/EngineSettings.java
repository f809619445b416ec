package io.botcore.engine;

import io.botcore.platform.cache.CacheSettings;
import io.botcore.engine.auth.AuthSettings;
import io.botcore.engine.trading.TradingSettings;
import io.botcore.platform.backup.BackupSettings;
import io.botcore.platform.config.CommonSettings;
import io.botcore.platform.config.ConfigException;
import io.botcore.platform.config.LoadedConfig;
import io.botcore.platform.config.Setting;
import io.botcore.platform.config.ValueParser;
import io.botcore.platform.mongo.DatabaseSettings;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the engine needs to start, resolved from {@code config/config.toml}, the environment and
 * flags (see {@link #SETTINGS} for every key).
 *
 * @param host address to bind
 * @param port HTTP port (0 picks a free one)
 * @param workers request worker threads ({@code [server] workers})
 * @param maxConnections connections accepted at once ({@code [server] max_connections})
 * @param keepAlive idle time before a kept-alive connection is closed ({@code [server] keep_alive})
 * @param database MongoDB connection and pool
 * @param binanceBaseUrl Binance REST base URL (live, testnet or the local fake)
 * @param aiServiceUrl base URL of the AI service
 * @param cache the {@code [cache]} section and {@code REDIS_URL}
 * @param auth tokens, password hashing, login limits, CORS
 * @param trustedProxies addresses whose {@code X-Forwarded-For} is believed
 * @param logLevel level of Bot Core's loggers
 * @param logDir folder of {@code engine.log}
 * @param dataDir data folder
 * @param trading market feed and bot defaults ({@code [trading]})
 */
public record EngineSettings(String host, int port, int workers, int maxConnections, Duration keepAlive,
        DatabaseSettings database, URI binanceBaseUrl, URI aiServiceUrl, CacheSettings cache, AuthSettings auth, List<String> trustedProxies, String logLevel, String logDir,
        String dataDir, TradingSettings trading) {

    public static final Setting<String> HOST = Setting.of("server.host", "0.0.0.0", ValueParser.text(1),
            "address the engine binds");
    public static final Setting<Integer> PORT = Setting.of("server.port", 8080, ValueParser.intRange(0, 65535),
            "HTTP port of the engine").withEnv("ENGINE_PORT");
    public static final Setting<Integer> WORKERS = Setting.of("server.workers", 8, ValueParser.intRange(1, 1024),
            "request worker threads (2x CPU cores is a good start)");
    public static final Setting<Integer> MAX_CONNECTIONS = Setting.of("server.max_connections", 2000,
            ValueParser.intRange(1, 100_000), "connections accepted at once");
    public static final Setting<Duration> KEEP_ALIVE = Setting.of("server.keep_alive", Duration.ofSeconds(60),
            ValueParser.seconds(1, 3600), "seconds an idle keep-alive connection stays open");
    public static final Setting<URI> BINANCE_BASE_URL = Setting.of("exchange.base_url",
            URI.create("https://api.binance.com"), ValueParser.uri("https", "http"),
            "Binance REST base URL (https://testnet.binance.vision for the testnet)").withEnv("BINANCE_BASE_URL");
    public static final Setting<URI> AI_SERVICE_URL = Setting.of("ai.url", URI.create("http://127.0.0.1:8000"),
            ValueParser.uri("http", "https"), "base URL of the AI service").withEnv("AI_SERVICE_URL");
    public static final Setting<Boolean> CACHE_ENABLED = Setting.of("cache.enabled", true, ValueParser.bool(),
            "cache answers (in-process, or Redis when REDIS_URL is set)");
    public static final Setting<Duration> CACHE_TTL = Setting.of("cache.ttl", Duration.ofSeconds(300),
            ValueParser.seconds(1, 86_400), "seconds a cached answer is kept");
    public static final Setting<Long> CACHE_MAX_SIZE = Setting.of("cache.max_size", 1L << 30,
            ValueParser.byteSize(1 << 20, 64L << 30), "upper bound of the cache's memory");

    public static final Setting<List<String>> CORS_ORIGINS = Setting.of("server.cors_origins", List.of(),
            ValueParser.origins(), "browser origins allowed to call the API (empty: same origin only)");
    public static final Setting<List<String>> TRUSTED_PROXIES = Setting.of("server.trusted_proxies",
            List.of("127.0.0.1", "::1"), ValueParser.addresses(),
            "proxies (nginx) whose X-Forwarded-For names the real client; no one else's is believed");
    public static final Setting<Duration> ACCESS_TOKEN_TTL = Setting.of("security.access_token_ttl",
            Duration.ofMinutes(15), ValueParser.seconds(60, 86_400), "seconds an access token is valid");
    public static final Setting<Duration> REFRESH_TOKEN_TTL = Setting.of("security.refresh_token_ttl",
            Duration.ofDays(7), ValueParser.seconds(3600, 7_776_000), "seconds a refresh token is valid");
    public static final Setting<Integer> BCRYPT_COST = Setting.of("security.bcrypt_cost", 11,
            ValueParser.intRange(10, 16), "bcrypt work factor (11 takes about 130 ms here)");
    public static final Setting<Integer> LOGINS_PER_MINUTE = Setting.of("security.login_attempts_per_minute", 10,
            ValueParser.intRange(1, 10_000), "login attempts one client address may make per minute");

    public static final Setting<Boolean> SELF_REGISTRATION = Setting.of("security.self_registration", false,
            ValueParser.bool(), "whether anyone may create a trader account with POST /api/auth/register");

    /** Every key of {@code config/config.toml}. */
    public static final List<Setting<?>> SETTINGS;

    static {
        List<Setting<?>> all = new ArrayList<>(List.of(HOST, PORT, WORKERS, MAX_CONNECTIONS, KEEP_ALIVE,
                BINANCE_BASE_URL, AI_SERVICE_URL, CACHE_ENABLED, CACHE_TTL, CACHE_MAX_SIZE, CORS_ORIGINS, TRUSTED_PROXIES, ACCESS_TOKEN_TTL,
                REFRESH_TOKEN_TTL, BCRYPT_COST, LOGINS_PER_MINUTE, SELF_REGISTRATION));
        all.addAll(TradingSettings.ALL);
        all.addAll(io.botcore.engine.credentials.ExchangeKeySettings.ALL);
        all.addAll(CommonSettings.ALL);
        all.addAll(BackupSettings.ALL);
        all.add(io.botcore.engine.maintenance.MaintenanceWindow.SETTING);
        SETTINGS = List.copyOf(all);
    }

    public EngineSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(binanceBaseUrl, "binanceBaseUrl");
        Objects.requireNonNull(aiServiceUrl, "aiServiceUrl");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(trading, "trading");
        trustedProxies = List.copyOf(trustedProxies);
    }

    /**
     * @throws ConfigException when {@code JWT_SECRET} is not set: the engine never runs without a key
     */
    public static EngineSettings from(LoadedConfig config) {
        String secret = config.get(CommonSettings.JWT_SECRET);
        if (secret == null) {
            throw new ConfigException(List.of("JWT_SECRET is not set (in .env or the environment): "
                    + "run ./bot-core generate-secrets"), config.warnings());
        }
        AuthSettings auth = new AuthSettings(secret, config.get(ACCESS_TOKEN_TTL), config.get(REFRESH_TOKEN_TTL),
                config.get(BCRYPT_COST), config.get(LOGINS_PER_MINUTE), config.get(CORS_ORIGINS),
                config.get(io.botcore.engine.credentials.ExchangeKeySettings.KEY),
                config.get(io.botcore.engine.credentials.ExchangeKeySettings.PREVIOUS_KEY), config.get(SELF_REGISTRATION));
        return new EngineSettings(config.get(HOST), config.get(PORT), config.get(WORKERS), config.get(MAX_CONNECTIONS),
                config.get(KEEP_ALIVE), CommonSettings.database(config), config.get(BINANCE_BASE_URL),
                config.get(AI_SERVICE_URL), new CacheSettings(config.get(CACHE_ENABLED), config.get(CACHE_TTL),
                        config.get(CACHE_MAX_SIZE), config.get(CommonSettings.REDIS_URL), "bot-core:engine:"),
                auth, config.get(TRUSTED_PROXIES), config.get(CommonSettings.LOG_LEVEL), config.get(CommonSettings.LOG_DIR),
                config.get(CommonSettings.DATA_DIR), TradingSettings.from(config));
    }
}
