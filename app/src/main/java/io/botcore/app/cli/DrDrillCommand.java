package io.botcore.app.cli;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;

import io.botcore.app.backup.BackupManifest;
import io.botcore.app.backup.BackupVerification;
import io.botcore.app.backup.DatabaseDump;
import io.botcore.app.db.EmbeddedDatabase;
import io.botcore.engine.EngineApplication;
import io.botcore.engine.EngineSettings;
import io.botcore.platform.BuildInfo;
import io.botcore.platform.config.ConfigException;
import io.botcore.platform.config.LoadedConfig;
import io.botcore.platform.mongo.DatabaseSettings;
import io.botcore.platform.mongo.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;

import org.bson.Document;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "dr-drill", mixinStandardHelpOptions = true,
        description = {"Rehearses the manual's Scenario 2 (database corruption) on a scratch copy and measures RTO "
                + "and RPO; the live database and services are not touched.",
            "A scratch embedded database gets the latest backup and an engine runs on it; the drill then corrupts "
                + "the data and times the recovery: 1. stop the engine, 2. keep the corrupted copy as an archive, "
                + "3. restore the latest backup with drop, 4. start the engine, 5. verify (counts and indexes equal "
                + "the manifest, /api/health answers).",
            "RPO is the age of the latest backup (the data a real incident now would lose). Exit 0 when the "
                + "recovery verified, RTO is within --rto-target and RPO within the backup interval; 1 otherwise."})
public final class DrDrillCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--from", paramLabel = "BACKUP", defaultValue = "latest",
            description = "the backup to recover with: latest (default), a name, a folder, s3:latest or s3:NAME")
    String from;

    @Option(names = "--rto-target", paramLabel = "DURATION", defaultValue = "10m",
            description = "recovery time objective the drill must meet (default: ${DEFAULT-VALUE})")
    String rtoTarget;

    @Option(names = "--keep", description = "keep the scratch folder (database, corrupted copy, engine log)")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        Duration target = io.botcore.platform.config.ShortDuration.parse(rtoTarget);
        BackupContext context = BackupContext.load(options);
        LoadedConfig config;
        try {
            config = options.load(EngineCommand.CONFIG_FILE, EngineSettings.SETTINGS, Map.of());
        } catch (ConfigException e) {
            throw new CliFailure(ConfigErrors.EXIT_CONFIG, String.join("; ", e.problems()));
        }
        Path scratch = Files.createTempDirectory("bot-core-dr-drill");
        Path folder = context.resolve(from, scratch);
        BackupManifest manifest = BackupManifest.read(folder.resolve(BackupManifest.FILE));
        Instant incident;
        Map<String, Duration> steps = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        try (EmbeddedDatabase server = EmbeddedDatabase.start("127.0.0.1", 0, scratch.resolve("db"))) {
            String url = "mongodb://127.0.0.1:" + server.port() + "/" + manifest.database();
            try (MongoClient client = MongoClients.create(DatabaseSettings.of(url), new SimpleMeterRegistry())) {
                MongoDatabase db = client.getDatabase(manifest.database());
                System.out.println("drill: scratch database " + url + " loaded with backup " + manifest.name());
                RestoreCommand.restore(db, folder, true);
                ConfigurableApplicationContext engine = startEngine(config, url, scratch);
                System.out.println("drill: engine running on the scratch database; corrupting the data");
                corrupt(db);
                if (BackupVerification.differences(manifest, db).isEmpty() && manifest.documents() > 0) {
                    throw new CliFailure(1, "the drill could not corrupt the scratch database");
                }

                incident = Instant.now();
                Instant t = incident;
                engine.close();
                t = step(steps, "1. stop the engine", t);
                Path corrupted = scratch.resolve("corrupted-" + io.botcore.app.backup.BackupName.of(incident) + ".archive.gz");
                try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(corrupted))) {
                    DatabaseDump.dump(db, out, "bot-core " + BuildInfo.version() + " dr-drill");
                }
                t = step(steps, "2. keep the corrupted copy (" + Files.size(corrupted) + " bytes)", t);
                RestoreCommand.restore(db, folder, true);
                failures.addAll(BackupVerification.differences(manifest, db));
                t = step(steps, "3. restore backup " + manifest.name() + " with drop, compare with its manifest", t);
                engine = startEngine(config, url, scratch);
                t = step(steps, "4. start the engine", t);
                String health = health(engine);
                if (!databaseHealthy(health)) {
                    failures.add("engine health after restart: " + health);
                }
                step(steps, "5. verify /api/health (database healthy)", t);
                engine.close();
            }
        } finally {
            restoreCliLogging();
            if (keep) {
                System.out.println("drill: scratch folder kept: " + scratch);
            } else {
                RestoreCommand.deleteQuietly(scratch);
            }
        }
        Duration rto = steps.values().stream().reduce(Duration.ZERO, Duration::plus);
        Duration rpo = Duration.between(Instant.parse(manifest.createdAt()), incident);
        steps.forEach((name, d) -> System.out.printf("  %-58s %8.1f s%n", name, d.toMillis() / 1000.0));
        System.out.printf("RTO %.1f s (target %s), RPO %s (the latest backup's age; backup interval %s)%n",
                rto.toMillis() / 1000.0, human(target), human(rpo), human(context.backup.interval()));
        if (rto.compareTo(target) > 0) {
            failures.add("RTO " + human(rto) + " exceeds the target " + human(target));
        }
        if (rpo.compareTo(context.backup.interval()) > 0) {
            failures.add("RPO " + human(rpo) + " exceeds the backup interval " + human(context.backup.interval())
                    + ": backups are not running on schedule");
        }
        if (!failures.isEmpty()) {
            failures.forEach(f -> System.out.println("  FAIL " + f));
            System.out.println("dr-drill FAILED");
            return 1;
        }
        System.out.println("dr-drill passed: data restored and verified against backup " + manifest.name());
        return 0;
    }

    /** Overwrites every document and drops the accounts: what a corrupted database looks like to the checks. */
    private static void corrupt(MongoDatabase db) {
        for (String name : db.listCollectionNames().into(new ArrayList<>())) {
            db.getCollection(name).updateMany(new Document(), Updates.set("corrupted", true));
            db.getCollection(name).deleteMany(new Document("_id", new Document("$type", "objectId")));
        }
        db.getCollection("users").drop();
    }

    private static ConfigurableApplicationContext startEngine(LoadedConfig config, String url, Path scratch) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DATABASE_URL", url);
        env.put("TRADING_FEED", "off");
        if (config.get(io.botcore.platform.config.CommonSettings.JWT_SECRET) == null) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            env.put("JWT_SECRET", Base64.getUrlEncoder().withoutPadding().encodeToString(key));
        }
        LoadedConfig drill = io.botcore.platform.config.ConfigLoader.load(null, EngineSettings.SETTINGS, env,
                Map.of("server.port", "0", "server.host", "127.0.0.1", "logging.dir", scratch.resolve("logs").toString(),
                        "paths.data_dir", scratch.resolve("data").toString(), "exchange.base_url",
                        config.get(EngineSettings.BINANCE_BASE_URL).toString(), "security.jwt_secret",
                        env.getOrDefault("JWT_SECRET", config.get(io.botcore.platform.config.CommonSettings.JWT_SECRET))));
        return EngineApplication.start(EngineSettings.from(drill));
    }

    private static String health(ConfigurableApplicationContext engine) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + engine.getEnvironment().getProperty("local.server.port") + "/api/health");
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(30);
        String body = "";
        while (Instant.now().isBefore(deadline)) {
            body = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (databaseHealthy(body)) {
                return body;
            }
            Thread.sleep(250);
        }
        return body;
    }

    /**
     * The drill's engines ran inside this process and installed the service logging (console on stdout);
     * put back the command line's own configuration (logback.xml: stderr) for whatever runs next here.
     */
    private static void restoreCliLogging() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.reset();
            try {
                new ch.qos.logback.classic.util.ContextInitializer(context).autoConfig();
            } catch (ch.qos.logback.core.joran.spi.JoranException e) {
                System.err.println("warning: could not restore the command line's logging: " + e.getMessage());
            }
        }
    }

    private static boolean databaseHealthy(String health) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(health)
                .path("components").path("database").path("status").asString("").equals("healthy");
    }

    private static Instant step(Map<String, Duration> steps, String name, Instant since) {
        Instant now = Instant.now();
        steps.put(name, Duration.between(since, now));
        System.out.printf("drill: %s done%n", name);
        return now;
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
