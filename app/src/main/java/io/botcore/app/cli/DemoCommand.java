package io.botcore.app.cli;

import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.market.csv.CandleCsvReader;
import io.botcore.core.market.store.CandleStore;
import io.botcore.engine.feed.ReplayFeed;
import io.botcore.exchange.fake.FakeBinanceServer;
import io.botcore.platform.config.ConfigLoader;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts the embedded database, the engine and the AI service as child processes, waits until all are
 * healthy, prints their URLs and stops them in order (services first, database last) on Ctrl-C. The
 * demo needs no internet: Binance's REST API is played by the local fake server with recorded answers.
 * Children run in their own session so that Ctrl-C reaches only this supervisor, which then stops them
 * in order; each child also exits by itself if this process dies.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start database, engine and AI service offline, wait until healthy, print URLs; Ctrl-C stops all.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--engine-port", defaultValue = "8080", description = "engine port (default: ${DEFAULT-VALUE})")
    int enginePort;

    @Option(names = "--ai-port", defaultValue = "8000", description = "AI service port (default: ${DEFAULT-VALUE})")
    int aiPort;

    @Option(names = "--db-port", defaultValue = "27017", description = "embedded database port (default: ${DEFAULT-VALUE})")
    int dbPort;

    @Option(names = "--timeout", defaultValue = "120", description = "seconds to wait for health (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    private final List<Child> children = new ArrayList<>();
    private volatile boolean stopping;

    private record Child(String name, Process process, Path log) {
    }

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        PortCheck.requireFree("embedded database", "127.0.0.1", dbPort);
        PortCheck.requireFree("engine", "0.0.0.0", enginePort);
        PortCheck.requireFree("AI service", "0.0.0.0", aiPort);
        Path logs = Home.resolve("logs");
        Files.createDirectories(logs);
        if (ConfigLoader.environment(Home.resolve(".env")).get("JWT_SECRET") == null) {
            GenerateSecretsCommand.write(Home.resolve(".env"), null, false);
            System.out.println("No JWT_SECRET yet: wrote a fresh one to " + Home.resolve(".env") + " (mode 0600).");
        }

        FakeBinanceServer exchange = FakeBinanceServer.start(0, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            stopAll();
            exchange.close();
            stopped.countDown();
        }, "demo-shutdown"));

        seedMarketData();
        String databaseUrl = "mongodb://127.0.0.1:" + dbPort + "/bot_core";
        Map<String, String> env = Map.of(
                "DATABASE_URL", databaseUrl,
                "BINANCE_BASE_URL", exchange.baseUrl().toString(),
                "AI_SERVICE_URL", "http://127.0.0.1:" + aiPort,
                "TRADING_FEED", "replay");
        System.out.println("Starting Bot Core demo (offline; logs in " + logs + ") ...");
        spawn("db", logs, env, "db", "--port", String.valueOf(dbPort));
        waitFor("database", () -> PortCheck.accepts("127.0.0.1", dbPort), started);
        spawn("engine", logs, env, "engine", "--port", String.valueOf(enginePort));
        spawn("ai", logs, env, "ai", "--port", String.valueOf(aiPort));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI engineHealth = URI.create("http://127.0.0.1:" + enginePort + "/api/health");
        URI aiHealth = URI.create("http://127.0.0.1:" + aiPort + "/health");
        waitFor("AI service", () -> healthy(http, aiHealth), started);
        waitFor("engine", () -> healthy(http, engineHealth), started);
        double seconds = (System.nanoTime() - started) / 1e9;
        String login = DemoUser.ensure(databaseUrl, Home.resolve("data/demo-credentials"));
        String bot = DemoBot.ensureRunning(URI.create("http://127.0.0.1:" + enginePort),
                Home.resolve("data/demo-credentials"));

        System.out.printf("%n  %-9s %s%n", "engine", "http://127.0.0.1:" + enginePort + "   (health: /api/health, metrics: /metrics)");
        System.out.printf("  %-9s %s%n", "ai", "http://127.0.0.1:" + aiPort + "   (health: /health, status: /api/ai/status)");
        System.out.printf("  %-9s %s%n", "database", databaseUrl + "   (embedded, data in " + Home.resolve("data/db") + ")");
        System.out.printf("  %-9s %s%n", "exchange", exchange.baseUrl() + "   (recorded Binance answers, no internet)");
        System.out.printf("  %-9s %s%n", "dashboard", "http://127.0.0.1:" + enginePort + "/   (sign in with the login below)");
        System.out.printf("  %-9s %s%n", "login", login);
        System.out.printf("  %-9s %s%n", "bot", bot);
        System.out.printf("%nAll services healthy in %.1f s. Press Ctrl-C to stop.%n", seconds);

        for (Child child : children) {
            child.process().onExit().thenRun(() -> {
                if (!stopping) {
                    System.err.println(child.name() + " exited unexpectedly with code " + child.process().exitValue()
                            + "; see " + child.log() + " and logs/" + child.name() + ".log");
                    System.exit(1);
                }
            });
        }
        stopped.await();
        return 0;
    }

    /**
     * First run: the recorded real hourly candles shipped with Bot Core go into the candle store as the replay's
     * source ({@code data/market/recorded/...}); the engine's replay feed plays them into the live series.
     */
    private static void seedMarketData() throws IOException {
        String env = System.getenv("BOTCORE_RECORDED");
        Path recorded = env == null ? Home.resolve("data/recorded") : Path.of(env);
        if (!Files.isDirectory(recorded)) {
            return;
        }
        CandleStore store = new CandleStore(Home.resolve("data/market"));
        try (var files = Files.list(recorded)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("binance_[A-Z0-9]+_1h_.*\\.csv\\.gz"))
                    .sorted().toList()) {
                String symbol = file.getFileName().toString().split("_")[1];
                if (store.lastOpenTime(ReplayFeed.SOURCE, symbol, Interval.H1).isEmpty()) {
                    CandleSeries series = CandleCsvReader.read(file, Interval.H1);
                    store.write(ReplayFeed.SOURCE, symbol, series);
                    System.out.printf("  market    %s 1h: %,d recorded candles imported from %s%n", symbol,
                            series.size(), file.getFileName());
                }
            }
        }
    }

    private void spawn(String name, Path logs, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (new File("/usr/bin/setsid").canExecute()) {
            command.add("/usr/bin/setsid");
        }
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Dbotcore.log.console-level=OFF");
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, "io.botcore.app.BotCore"));
        }
        command.addAll(List.of(args));
        Path log = logs.resolve(name + ".out");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("BOTCORE_PARENT_PID", String.valueOf(ProcessHandle.current().pid()));
        builder.environment().put("BOTCORE_HOME", Home.dir().toString());
        synchronized (children) {
            children.add(new Child(name, builder.start(), log));
        }
    }

    private void waitFor(String what, java.util.function.BooleanSupplier ready, long started) throws InterruptedException {
        long deadline = started + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (!ready.getAsBoolean()) {
            synchronized (children) {
                for (Child child : children) {
                    if (!child.process().isAlive()) {
                        throw new CliFailure(1, child.name() + " exited with code " + child.process().exitValue()
                                + " while starting; last lines of " + child.log() + ":\n" + tail(child.log()));
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new CliFailure(1, what + " not healthy after " + timeoutSeconds + " s; see logs/");
            }
            Thread.sleep(200);
        }
        System.out.printf("  %-10s ready after %.1f s%n", what, (System.nanoTime() - started) / 1e9);
    }

    private static boolean healthy(HttpClient http, URI url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"status\":\"healthy\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Services first (they may still write), the database last; each gets 20 s before it is killed. */
    private void stopAll() {
        List<Child> snapshot;
        synchronized (children) {
            snapshot = List.copyOf(children);
        }
        if (snapshot.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.println("Stopping Bot Core demo ...");
        snapshot.stream().filter(c -> !c.name().equals("db")).forEach(c -> c.process().destroy());
        snapshot.stream().filter(c -> !c.name().equals("db")).forEach(DemoCommand::awaitExit);
        snapshot.stream().filter(c -> c.name().equals("db")).forEach(c -> {
            c.process().destroy();
            awaitExit(c);
        });
        System.out.println("All services stopped.");
    }

    private static void awaitExit(Child child) {
        try {
            if (!child.process().waitFor(20, TimeUnit.SECONDS)) {
                System.err.println(child.name() + " did not stop within 20 s; killing it");
                child.process().destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            System.out.println("  " + child.name() + " stopped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
