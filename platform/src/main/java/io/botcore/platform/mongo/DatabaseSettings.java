package io.botcore.platform.mongo;

import com.mongodb.ConnectionString;

import java.time.Duration;
import java.util.Objects;

/**
 * How a service reaches MongoDB: the {@code DATABASE_URL} and the manual's {@code [database]} keys.
 *
 * @param url MongoDB connection string; its path names the database ({@code bot_core} when absent)
 * @param poolSize maximum connections in the driver pool ({@code pool_size})
 * @param connectionTimeout how long to wait for a connection to a server or for a usable server
 *     ({@code connection_timeout})
 * @param idleTimeout how long an unused pooled connection is kept ({@code idle_timeout})
 */
public record DatabaseSettings(ConnectionString url, int poolSize, Duration connectionTimeout, Duration idleTimeout) {

    public static final String DEFAULT_DATABASE = "bot_core";

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be >= 1");
        }
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
    }

    public static DatabaseSettings of(String url) {
        return new DatabaseSettings(new ConnectionString(url), 50, Duration.ofSeconds(30), Duration.ofSeconds(300));
    }

    /** The database named in the URL, or {@code bot_core}. */
    public String databaseName() {
        return url.getDatabase() == null || url.getDatabase().isBlank() ? DEFAULT_DATABASE : url.getDatabase();
    }

    /** The URL with any password replaced by {@code ****}, safe to print. */
    public String redactedUrl() {
        String text = url.getConnectionString();
        char[] password = url.getPassword();
        return password == null || password.length == 0 ? text : text.replace(":" + new String(password) + "@", ":****@");
    }
}
