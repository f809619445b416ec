package io.botcore.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code ./bot-core} as a user would: the demo with the manual's daily curl/jq and mongosh checks,
 * the status table, a taken port, Ctrl-C with no orphan left, and a database outage seen by the engine.
 * The home folder (config, data, logs) is a temporary copy, and ports are free random ones.
 */
class LauncherIT {

    private static final Path MONGOSH = Path.of(System.getenv().getOrDefault("MONGOSH",
            Shell.ROOT.resolve(".tools/mongosh/node_modules/.bin/mongosh").toString()));

    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void demoPassesTheManualsDailyChecksAndStopsCleanlyOnCtrlC() throws Exception {
        assertThat(MONGOSH).as("mongosh 1.x (scripts/install-mongosh.sh installs it)").isExecutable();
        copyConfig();
        int engine = freePort();
        int ai = freePort();
        int db = freePort();
        Map<String, String> env = env();
        Path output = home.resolve("demo.out");
        Process demo = Shell.start(env, output, "./bot-core", "demo", "--engine-port", String.valueOf(engine),
                "--ai-port", String.valueOf(ai), "--db-port", String.valueOf(db));
        try {
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(250))
                    .failFast(() -> !demo.isAlive())
                    .until(() -> Files.readString(output).contains("Press Ctrl-C to stop."));
            Matcher took = Pattern.compile("All services healthy in ([0-9.]+) s").matcher(Files.readString(output));
            assertThat(took.find()).isTrue();
            System.out.println("demo: command to healthy in " + took.group(1) + " s");

            Shell.Result daily = Shell.run(env, 30, String.join("\n",
                    "set -e",
                    "curl -s http://localhost:" + engine + "/api/health | jq '.status'",
                    "curl -s http://localhost:" + ai + "/health | jq '.status'",
                    "curl -s http://localhost:" + engine + "/api/v1/binance/ping | jq -r '.status'",
                    "curl -s http://localhost:" + ai + "/api/ai/status | jq -r '.data.model.state'"));
            Matcher credentials = Pattern.compile("login\\s+(\\S+) / (\\S+)").matcher(Files.readString(output));
            assertThat(credentials.find()).as(Files.readString(output)).isTrue();
            Shell.Result session = Shell.run(env, 30, String.join("\n",
                    "set -e",
                    "token=$(curl -s -X POST http://localhost:" + engine + "/api/auth/login -H 'Content-Type: application/json' "
                            + "-d '{\"email\":\"" + credentials.group(1) + "\",\"password\":\"" + credentials.group(2)
                            + "\"}' | jq -r '.data.token')",
                    "curl -s -o /dev/null -w '%{http_code}\\n' http://localhost:" + engine + "/api/auth/me",
                    "curl -s -H \"Authorization: Bearer $token\" http://localhost:" + engine + "/api/auth/me | jq -r '.data.role'"));
            assertThat(session.out().lines().toList()).containsExactly("401", "admin");
            Shell.Result candles = Shell.run(env, 30, String.join("\n",
                    "token=$(curl -s -X POST http://localhost:" + engine + "/api/auth/login -H 'Content-Type: application/json' "
                            + "-d '{\"email\":\"" + credentials.group(1) + "\",\"password\":\"" + credentials.group(2)
                            + "\"}' | jq -r '.data.token')",
                    "curl -s -H \"Authorization: Bearer $token\" 'http://localhost:" + engine
                            + "/api/market/candles/BTCUSDT/1h?limit=1' | jq -r '.data[0].open_time'",
                    "curl -s -H \"Authorization: Bearer $token\" http://localhost:" + engine
                            + "/api/bots | jq -r '.data[0].status, .data[0].strategy'"));
            List<String> answers = candles.out().lines().toList();
            assertThat(answers).as(candles.out()).hasSize(3);
            assertThat(Long.parseLong(answers.get(0))).as("the replay plays the last 60 recorded days")
                    .isBetween(java.time.Instant.parse("2025-07-20T22:00:00Z").toEpochMilli(),
                            java.time.Instant.parse("2025-09-19T22:00:00Z").toEpochMilli());
            assertThat(answers.subList(1, 3)).as("the demo's paper bot").containsExactly("running", "bollinger");
            assertThat(Files.readString(output)).containsPattern("bot\\s+[a-z0-9]{10} bollinger on BTCUSDT,ETHUSDT");

            assertThat(daily.out().lines().toList()).as(() -> daily.out() + "\nengine health: " + body(
                    "http://127.0.0.1:" + engine + "/api/health")).containsExactly("\"healthy\"", "\"healthy\"", "ok", "none");

            String url = "mongodb://127.0.0.1:" + db + "/bot_core";
            assertThat(mongosh(url, "db.adminCommand('ping')")).contains("ok: 1");
            assertThat(mongosh(url, "db.users.count()").strip()).as("the demo admin").endsWith("1");
            assertThat(mongosh(url, "db.trades.getIndexes()"))
                    .contains("user_id_1_timestamp_-1", "symbol_1_timestamp_-1", "status_1_timestamp_-1");

            Shell.Result status = Shell.run(env, 30, "DATABASE_URL=" + url + " ./scripts/bot.sh status --set server.port="
                    + engine + " --set ai.url=http://127.0.0.1:" + ai);
            assertThat(status.exitCode()).as(status.out()).isZero();
            assertThat(status.out()).containsPattern("engine\\s+healthy\\s+\\d").containsPattern("ai\\s+healthy")
                    .containsPattern("database\\s+up");

            Shell.Result taken = Shell.run(env, 60, "./bot-core demo --engine-port " + engine + " --ai-port " + ai
                    + " --db-port " + db);
            assertThat(taken.exitCode()).isEqualTo(3);
            assertThat(taken.out()).contains("port " + db + " on 127.0.0.1 (needed by the embedded database) is already in use");

            List<ProcessHandle> children = demo.toHandle().descendants().toList();
            assertThat(children).hasSizeGreaterThanOrEqualTo(3);
            Runtime.getRuntime().exec(new String[] {"kill", "-INT", String.valueOf(demo.pid())}).waitFor();
            assertThat(demo.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(output)).contains("engine stopped", "ai stopped", "db stopped", "All services stopped.");
            assertThat(children).noneMatch(ProcessHandle::isAlive);
            assertThat(Files.readString(home.resolve("logs/engine.log"))).containsPattern("GET /api/health 200 duration: \\d+ms");
        } finally {
            demo.destroyForcibly();
            demo.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void engineTurnsUnhealthyWhenTheDatabaseDiesAndRecoversWithEveryWriteKept() throws Exception {
        int dbPort = freePort();
        int enginePort = freePort();
        Map<String, String> env = env();
        env.put("DATABASE_URL", "mongodb://127.0.0.1:" + dbPort + "/bot_core");
        env.put("AI_SERVICE_URL", "http://127.0.0.1:" + freePort());
        env.put("JWT_SECRET", "launcher-it-secret-0123456789-abcdefghijklmnopqrstuvwxyz");
        Process db = Shell.start(env, home.resolve("db1.out"), "./bot-core", "db", "--port", String.valueOf(dbPort));
        Process engine = null;
        Process db2 = null;
        try {
            engine = Shell.start(env, home.resolve("engine.out"), "./bot-core", "engine", "--port",
                    String.valueOf(enginePort));
            URI health = URI.create("http://127.0.0.1:" + enginePort + "/api/health");
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> status(health) == 200);
            String url = "mongodb://127.0.0.1:" + dbPort + "/bot_core";
            mongosh(url, "db.audit.insertOne({_id: 'before-crash', at: new Date()})");

            db.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            long lost = System.nanoTime();
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> status(health) == 503);
            System.out.println("engine unhealthy " + (System.nanoTime() - lost) / 1_000_000 + " ms after the database was killed");

            db2 = Shell.start(env, home.resolve("db2.out"), "./bot-core", "db", "--port", String.valueOf(dbPort));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> status(health) == 200);
            assertThat(mongosh(url, "db.audit.countDocuments({_id: 'before-crash'})").strip()).endsWith("1");
        } finally {
            for (Process p : new Process[] {engine, db, db2}) {
                if (p != null) {
                    p.destroy();
                    p.waitFor(20, TimeUnit.SECONDS);
                    p.destroyForcibly();
                }
            }
        }
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("BOTCORE_HOME", home.toString());
        return env;
    }

    private void copyConfig() throws IOException {
        Files.createDirectories(home.resolve("config"));
        for (String file : List.of("config.toml", "config.yaml")) {
            Files.copy(Shell.ROOT.resolve("config").resolve(file), home.resolve("config").resolve(file));
        }
    }

    private String mongosh(String url, String eval) throws IOException, InterruptedException {
        Shell.Result result = Shell.run(Map.of(), 60, "'" + MONGOSH + "' '" + url + "' --quiet --eval \"" + eval + "\"");
        assertThat(result.exitCode()).as(result.out()).isZero();
        return result.out();
    }

    private String body(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    private int status(URI url) {
        try {
            return http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freePort() throws IOException {
        return Shell.freePort();
    }
}
