package io.botcore.engine.credentials;

import com.mongodb.client.MongoDatabase;

import io.botcore.engine.EngineSettings;
import io.botcore.engine.admin.AuditLog;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CredentialsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CredentialsConfiguration.class);

    /** The store; at start, values sealed with the previous key are sealed again with the current one. */
    @Bean
    ExchangeCredentials exchangeCredentials(MongoDatabase database, EngineSettings settings, AuditLog audit,
            Clock clock) {
        String key = settings.auth().exchangeKeyEncryptionKey();
        String previous = settings.auth().previousExchangeKeyEncryptionKey();
        ExchangeCredentials credentials = new ExchangeCredentials(database, key == null ? null
                : ExchangeKeyCipher.of(key), previous == null ? null : ExchangeKeyCipher.of(previous), clock);
        if (!credentials.available()) {
            log.warn("EXCHANGE_KEY_ENCRYPTION_KEY is not set: users cannot store exchange API keys "
                    + "(run ./bot-core generate-secrets)");
            return credentials;
        }
        int resealed = credentials.reseal();
        if (resealed > 0) {
            audit.record("exchange_keys.resealed", "engine", "local", "users", resealed);
            log.info("exchange keys of {} users sealed again with the current EXCHANGE_KEY_ENCRYPTION_KEY; "
                    + "EXCHANGE_KEY_ENCRYPTION_KEY_PREVIOUS can be removed from .env", resealed);
        }
        return credentials;
    }
}
