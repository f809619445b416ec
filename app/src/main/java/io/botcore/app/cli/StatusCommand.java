package io.botcore.app.cli;

import com.mongodb.client.MongoClient;

import io.botcore.engine.EngineSettings;
import io.botcore.platform.config.CommonSettings;
import io.botcore.platform.config.ConfigException;
import io.botcore.platform.config.LoadedConfig;
import io.botcore.platform.mongo.DatabaseSettings;
import io.botcore.platform.mongo.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.bson.Document;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One line per service: state, version, uptime, URL, database state. Exit 1 when any is down. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show each service (engine, ai, database): up/down, version, uptime, URL; exit 1 if any is down.")
public final class StatusCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--engine-url", description = "engine base URL (default: http://127.0.0.1:<server.port>)")
    URI engineUrl;

    private record Row(String service, String state, String version, String uptime, String url, String database) {
    }

    @Override
    public Integer call() {
        LoadedConfig config;
        try {
            config = options.load(EngineCommand.CONFIG_FILE, EngineSettings.SETTINGS, Map.of());
        } catch (ConfigException e) {
            return ConfigErrors.report("status", e);
        }
        URI engine = engineUrl != null ? engineUrl : URI.create("http://127.0.0.1:" + config.get(EngineSettings.PORT));
        URI ai = config.get(EngineSettings.AI_SERVICE_URL);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        List<Row> rows = new ArrayList<>();
        rows.add(service(http, "engine", engine, "/api/health"));
        rows.add(service(http, "ai", ai, "/health"));
        rows.add(database(CommonSettings.database(config)));
        print(rows);
        boolean allUp = rows.stream().allMatch(r -> r.state().equals("healthy") || r.state().equals("degraded")
                || r.state().equals("maintenance") || r.state().equals("up"));
        return allUp ? 0 : 1;
    }

    private static Row service(HttpClient http, String name, URI base, String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            long uptime = body.path("uptime_s").asLong(-1);
            return new Row(name, body.path("status").asString("unknown"), body.path("version").asString("-"),
                    uptime < 0 ? "-" : formatUptime(uptime), base.toString(),
                    body.path("components").path("database").path("status").asString("-"));
        } catch (IOException | JacksonException e) {
            return new Row(name, "down", "-", "-", base.toString(), "-");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Row(name, "down", "-", "-", base.toString(), "-");
        }
    }

    private static Row database(DatabaseSettings settings) {
        DatabaseSettings quick = new DatabaseSettings(settings.url(), 1, Duration.ofSeconds(3), settings.idleTimeout());
        try (MongoClient client = MongoClients.create(quick, new SimpleMeterRegistry())) {
            long start = System.nanoTime();
            client.getDatabase(quick.databaseName()).runCommand(new Document("ping", 1));
            long micros = (System.nanoTime() - start) / 1000;
            return new Row("database", "up", "-", "-", quick.redactedUrl(), String.format("ping %.1f ms", micros / 1000.0));
        } catch (RuntimeException e) {
            return new Row("database", "down", "-", "-", quick.redactedUrl(), e.getClass().getSimpleName());
        }
    }

    static String formatUptime(long seconds) {
        long d = seconds / 86_400;
        long h = seconds % 86_400 / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return d > 0 ? String.format("%dd %02dh", d, h) : h > 0 ? String.format("%dh %02dm", h, m)
                : String.format("%dm %02ds", m, s);
    }

    private static void print(List<Row> rows) {
        String format = "%-9s %-10s %-8s %-9s %-40s %s%n";
        System.out.printf(format, "SERVICE", "STATE", "VERSION", "UPTIME", "URL", "DATABASE");
        for (Row r : rows) {
            System.out.printf(format, r.service(), r.state(), r.version(), r.uptime(), r.url(), r.database());
        }
    }
}
