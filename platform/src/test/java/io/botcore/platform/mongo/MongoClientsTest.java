package io.botcore.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadPreference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class MongoClientsTest {

    @Test
    void shouldApplyTheConfigKeysAndKeepTheReplicaSetOptionsOfTheManualsUrl() {
        DatabaseSettings database = new DatabaseSettings(new ConnectionString("mongodb://primary:27017,replica1:27017,"
                + "replica2:27017/bot_core?replicaSet=rs0&readPreference=secondaryPreferred"), 50,
                Duration.ofSeconds(30), Duration.ofSeconds(300));

        MongoClientSettings settings = MongoClients.clientSettings(database, new SimpleMeterRegistry());

        assertThat(settings.getConnectionPoolSettings().getMaxSize()).isEqualTo(50);
        assertThat(settings.getConnectionPoolSettings().getMaxConnectionIdleTime(TimeUnit.SECONDS)).isEqualTo(300);
        assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.SECONDS)).isEqualTo(30);
        assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.SECONDS)).isEqualTo(30);
        assertThat(settings.getClusterSettings().getRequiredReplicaSetName()).isEqualTo("rs0");
        assertThat(settings.getClusterSettings().getHosts()).hasSize(3);
        assertThat(settings.getReadPreference()).isEqualTo(ReadPreference.secondaryPreferred());
        assertThat(database.databaseName()).isEqualTo("bot_core");
    }

    @Test
    void shouldHideThePasswordWhenTheUrlIsShown() {
        DatabaseSettings database = DatabaseSettings.of("mongodb://bot:hunter2-secret@db:27017/bot_core");

        assertThat(database.redactedUrl()).isEqualTo("mongodb://bot:****@db:27017/bot_core");
    }
}
