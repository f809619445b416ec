package io.botcore.platform.config;

import com.mongodb.ConnectionString;

import io.botcore.platform.logging.SecretRegistry;
import io.botcore.platform.mongo.DatabaseSettings;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Settings both services read: database, logging, data folder, secrets. */
public final class CommonSettings {

    public static final Setting<URI> DATABASE_URL = Setting.of("database.url",
            URI.create("mongodb://127.0.0.1:27017/bot_core"), ValueParser.uri("mongodb", "mongodb+srv"),
            "MongoDB connection string (replica sets and read preferences allowed)").withEnv("DATABASE_URL");
    public static final Setting<Integer> DATABASE_POOL_SIZE = Setting.of("database.pool_size", 50,
            ValueParser.intRange(1, 1000), "maximum connections in the driver pool");
    public static final Setting<Duration> DATABASE_CONNECTION_TIMEOUT = Setting.of("database.connection_timeout",
            Duration.ofSeconds(30), ValueParser.seconds(1, 600),
            "seconds to wait for a connection or a usable server");
    public static final Setting<Duration> DATABASE_IDLE_TIMEOUT = Setting.of("database.idle_timeout",
            Duration.ofSeconds(300), ValueParser.seconds(1, 86_400), "seconds an idle pooled connection is kept");
    public static final Setting<URI> REDIS_URL = Setting.of("cache.redis_url", null, ValueParser.uri("redis", "rediss"),
            "Redis for the shared cache (and cross-instance events); unset keeps the cache in-process")
            .withEnv("REDIS_URL").asSecret();
    public static final Setting<String> LOG_LEVEL = Setting.of("logging.level", "info",
            ValueParser.oneOf(List.of("trace", "debug", "info", "warn", "error")), "log level of Bot Core's loggers")
            .withEnv("LOG_LEVEL");
    public static final Setting<String> LOG_DIR = Setting.of("logging.dir", "logs", ValueParser.text(1),
            "folder of the log files");
    public static final Setting<String> DATA_DIR = Setting.of("paths.data_dir", "data", ValueParser.text(1),
            "folder of databases, market data, models and backups");
    public static final Setting<String> JWT_SECRET = Setting.of("security.jwt_secret", null, ValueParser.text(43),
            "HS256 signing key for access tokens, at least 256 bits (written by generate-secrets)")
            .withEnv("JWT_SECRET").asSecret();

    public static final List<Setting<?>> ALL = List.of(DATABASE_URL, DATABASE_POOL_SIZE, DATABASE_CONNECTION_TIMEOUT,
            DATABASE_IDLE_TIMEOUT, REDIS_URL, LOG_LEVEL, LOG_DIR, DATA_DIR, JWT_SECRET);

    private CommonSettings() {
    }

    /** The database settings; a password in the URL is registered for log redaction. */
    public static DatabaseSettings database(LoadedConfig config) {
        ConnectionString url = new ConnectionString(config.get(DATABASE_URL).toString());
        if (url.getPassword() != null) {
            SecretRegistry.register(new String(url.getPassword()));
        }
        return new DatabaseSettings(url, config.get(DATABASE_POOL_SIZE), config.get(DATABASE_CONNECTION_TIMEOUT),
                config.get(DATABASE_IDLE_TIMEOUT));
    }
}
