package io.botcore.ai;

import io.botcore.platform.cache.CacheSettings;
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
 * Everything the AI service needs to start, resolved from {@code config/config.yaml}, the environment and
 * flags (see {@link #SETTINGS}).
 *
 * @param host address to bind
 * @param port HTTP port (0 picks a free one)
 * @param workers request worker threads ({@code server.workers})
 * @param timeout longest time a request may take ({@code server.timeout})
 * @param cache {@code cache.enabled}, {@code cache.ttl}, {@code cache.max_size}; Redis when
 *     {@code cache.backend} is {@code redis} (then {@code REDIS_URL} is required) or {@code auto} (the default)
 *     and {@code REDIS_URL} is set
 * @param database MongoDB connection and pool
 * @param logLevel level of Bot Core's loggers
 * @param logDir folder of {@code ai.log}
 * @param dataDir data folder (models live under {@code models/})
 * @param jwtSecret the engine's token key ({@code JWT_SECRET}); without it no token is accepted and the analysis
 *     routes answer 401
 * @param explanation the chat endpoint that writes the optional explanation paragraph, or null (the default)
 */
public record AiSettings(String host, int port, int workers, Duration timeout, CacheSettings cache,
        DatabaseSettings database, String logLevel, String logDir,
        String dataDir, String jwtSecret, Explanation explanation) {

    /**
     * An OpenAI-compatible chat endpoint for explanation paragraphs.
     *
     * @param url     API base, for example {@code https://api.openai.com/v1}
     * @param apiKey  its key ({@code AI_EXPLAIN_API_KEY})
     * @param model   model name sent with each request
     * @param timeout longest wait for a paragraph
     */
    public record Explanation(URI url, String apiKey, String model, Duration timeout) {

        @Override
        public String toString() {
            return "Explanation[url=" + url + ", apiKey=****, model=" + model + ", timeout=" + timeout + "]";
        }
    }

    public static final Setting<String> HOST = Setting.of("server.host", "0.0.0.0", ValueParser.text(1),
            "address the AI service binds");
    public static final Setting<Integer> PORT = Setting.of("server.port", 8000, ValueParser.intRange(0, 65535),
            "HTTP port of the AI service").withEnv("AI_PORT");
    public static final Setting<Integer> WORKERS = Setting.of("server.workers", 4, ValueParser.intRange(1, 1024),
            "request worker threads");
    public static final Setting<Duration> TIMEOUT = Setting.of("server.timeout", Duration.ofSeconds(60),
            ValueParser.seconds(1, 3600), "seconds a request may take before it is cut off");
    public static final Setting<Boolean> CACHE_ENABLED = Setting.of("cache.enabled", true, ValueParser.bool(),
            "cache analysis answers");
    public static final Setting<String> CACHE_BACKEND = Setting.of("cache.backend", "auto",
            ValueParser.oneOf(List.of("auto", "memory", "redis")),
            "where cached answers live: auto (Redis when REDIS_URL is set, else in-process), memory or redis");
    public static final Setting<Duration> CACHE_TTL = Setting.of("cache.ttl", Duration.ofSeconds(600),
            ValueParser.seconds(1, 86_400), "seconds a cached answer is kept");
    public static final Setting<Long> CACHE_MAX_SIZE = Setting.of("cache.max_size", 256L << 20,
            ValueParser.byteSize(1 << 20, 64L << 30), "upper bound of the in-process cache's memory");

    public static final Setting<URI> EXPLANATION_URL = Setting.of("explanation.url", null,
            ValueParser.uri("http", "https"), "OpenAI-compatible API base for explanation paragraphs (off when unset)")
            .withEnv("AI_EXPLAIN_URL");
    public static final Setting<String> EXPLANATION_API_KEY = Setting.of("explanation.api_key", null,
            ValueParser.text(1), "key of the explanation endpoint").withEnv("AI_EXPLAIN_API_KEY").asSecret();
    public static final Setting<String> EXPLANATION_MODEL = Setting.of("explanation.model", "gpt-4o-mini",
            ValueParser.text(1), "chat model that writes explanation paragraphs");
    public static final Setting<Duration> EXPLANATION_TIMEOUT = Setting.of("explanation.timeout",
            Duration.ofSeconds(5), ValueParser.seconds(1, 60), "seconds to wait for an explanation paragraph");

    /** Every key of {@code config/config.yaml}. */
    public static final List<Setting<?>> SETTINGS;

    static {
        List<Setting<?>> all = new ArrayList<>(List.of(HOST, PORT, WORKERS, TIMEOUT, CACHE_ENABLED, CACHE_BACKEND,
                CACHE_TTL, CACHE_MAX_SIZE, EXPLANATION_URL, EXPLANATION_API_KEY, EXPLANATION_MODEL,
                EXPLANATION_TIMEOUT));
        all.addAll(CommonSettings.ALL);
        SETTINGS = List.copyOf(all);
    }

    public AiSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
    }

    /**
     * @throws ConfigException when {@code cache.backend} is {@code redis} but {@code REDIS_URL} is unset
     */
    public static AiSettings from(LoadedConfig config) {
        URI redis = config.get(CommonSettings.REDIS_URL);
        if ("redis".equals(config.get(CACHE_BACKEND)) && redis == null) {
            throw new ConfigException(List.of(config.origin(CACHE_BACKEND) + ": cache.backend = \"redis\": expected "
                    + "REDIS_URL to be set (redis://host:6379), or backend \"memory\""), config.warnings());
        }
        boolean useRedis = "redis".equals(config.get(CACHE_BACKEND))
                || "auto".equals(config.get(CACHE_BACKEND)) && redis != null;
        CacheSettings cache = new CacheSettings(config.get(CACHE_ENABLED), config.get(CACHE_TTL),
                config.get(CACHE_MAX_SIZE), useRedis ? redis : null, "bot-core:ai:");
        return new AiSettings(config.get(HOST), config.get(PORT), config.get(WORKERS), config.get(TIMEOUT), cache,
                CommonSettings.database(config), config.get(CommonSettings.LOG_LEVEL),
                config.get(CommonSettings.LOG_DIR), config.get(CommonSettings.DATA_DIR),
                config.get(CommonSettings.JWT_SECRET), explanation(config));
    }

    /** The explanation endpoint when both its URL and key are set; null otherwise. */
    private static Explanation explanation(LoadedConfig config) {
        URI url = config.get(EXPLANATION_URL);
        String key = config.get(EXPLANATION_API_KEY);
        if (url == null && key == null) {
            return null;
        }
        if (url == null || key == null) {
            throw new ConfigException(List.of("explanation: set both explanation.url (AI_EXPLAIN_URL) and "
                    + "AI_EXPLAIN_API_KEY, or neither"), config.warnings());
        }
        return new Explanation(url, key, config.get(EXPLANATION_MODEL), config.get(EXPLANATION_TIMEOUT));
    }

    /** Same settings with other log and data folders (resolved against the installation). */
    public AiSettings withFolders(String newLogDir, String newDataDir) {
        return new AiSettings(host, port, workers, timeout, cache, database, logLevel, newLogDir, newDataDir,
                jwtSecret, explanation);
    }

    @Override
    public String toString() {
        return "AiSettings[host=" + host + ", port=" + port + ", workers=" + workers + ", timeout=" + timeout
                + ", cache=" + cache + ", database=" + database + ", logLevel=" + logLevel + ", logDir=" + logDir
                + ", dataDir=" + dataDir + ", jwtSecret=" + (jwtSecret == null ? "unset" : "****") + ", explanation="
                + explanation + "]";
    }
}
