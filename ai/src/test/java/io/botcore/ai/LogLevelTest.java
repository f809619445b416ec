package io.botcore.ai;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import io.botcore.platform.config.ConfigLoader;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

class LogLevelTest {

    @TempDir
    Path dir;

    @Test
    void shouldHonourLogLevelFromTheEnvironment() throws Exception {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        int port = mongo.bind().getPort();
        AiSettings settings = AiSettings.from(ConfigLoader.load(null, AiSettings.SETTINGS,
                Map.of("DATABASE_URL", "mongodb://127.0.0.1:" + port + "/bot_core_test", "LOG_LEVEL", "warn"),
                Map.of("server.port", "0", "logging.dir", dir.toString(), "paths.data_dir", dir.toString())));
        ConfigurableApplicationContext ai = AiApplication.start(settings);
        try {
            URI health = URI.create("http://127.0.0.1:" + ai.getEnvironment().getProperty("local.server.port") + "/health");
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(health).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"healthy\"");
        } finally {
            ai.close();
            mongo.shutdownNow();
        }

        String log = Files.readString(dir.resolve("ai.log"));
        assertThat(log).contains(" ai ").doesNotContain("ai http - GET /health").doesNotContain("database is healthy");
    }
}
