package io.botcore.engine.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import io.botcore.engine.admin.AuditLog;
import io.botcore.platform.mongo.DatabaseSettings;
import io.botcore.platform.mongo.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SigningKeyGuardTest {

    @Test
    void shouldRevokeEveryRefreshTokenWhenTheSigningKeyChangesAndKeepThemOtherwise() {
        MongoServer server = new MongoServer(new MemoryBackend());
        int port = server.bind().getPort();
        try (MongoClient client = MongoClients.create(DatabaseSettings.of("mongodb://127.0.0.1:" + port),
                new SimpleMeterRegistry())) {
            MongoDatabase db = client.getDatabase("bot_core");
            Clock clock = Clock.systemUTC();
            RefreshTokens tokens = new RefreshTokens(db, clock, Duration.ofDays(7));
            AuditLog audit = new AuditLog(db, clock);
            SigningKeyGuard.check(db, "first-key-0123456789-abcdefghijklmnopqrstuvwxyz", tokens, audit, clock);
            String kept = tokens.issue("user-1", 0);
            String lost = tokens.issue("user-2", 0);

            SigningKeyGuard.check(db, "first-key-0123456789-abcdefghijklmnopqrstuvwxyz", tokens, audit, clock);
            assertThat(tokens.use(kept)).as("same key: sessions stay").isPresent();

            SigningKeyGuard.check(db, "second-key-0123456789-abcdefghijklmnopqrstuvwxyz", tokens, audit, clock);
            assertThat(tokens.use(lost)).as("rotated key: every refresh token ends").isEmpty();
            assertThat(audit.since(Instant.EPOCH, "keys.rotated", 10)).hasSize(1);
        } finally {
            server.shutdownNow();
        }
    }
}
