package io.botcore.app.cli;

import com.mongodb.client.MongoClient;

import io.botcore.ai.AiSettings;
import io.botcore.ai.registry.ModelRegistry;
import io.botcore.ai.training.Promotion;
import io.botcore.ai.training.TrainCommandSupport;
import io.botcore.ai.training.TrainingRunLog;
import io.botcore.ai.training.TrainingOptions;
import io.botcore.ai.training.TrainingResult;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.platform.config.ConfigException;
import io.botcore.platform.mongo.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Trains the direction models on stored candles with a purged walk-forward, registers them and writes the
 * report (metrics against the baselines, calibration and equity plots). Each run, success or failure, is recorded
 * in {@code training_runs} for the AI service's metrics.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train and evaluate the AI models on stored candles (purged walk-forward); writes a report.")
public final class AiTrainCommand implements Callable<Integer> {

    @Mixin
    MarketDataOptions market = new MarketDataOptions();

    @Option(names = "--from", description = "first day (UTC); default: first stored candle")
    String from;

    @Option(names = "--to", description = "end (exclusive, UTC); default: after the last stored candle")
    String to;

    @Option(names = "--promote", description = "make the model with the lowest out-of-sample log loss active, "
            + "if it beats the constant-class baseline")
    boolean promote;

    @Override
    public Integer call() throws Exception {
        String symbol = market.symbol();
        Interval interval = market.interval();
        long start = from == null ? Long.MIN_VALUE : MarketDataOptions.date("--from", from);
        long end = to == null ? Long.MAX_VALUE : MarketDataOptions.date("--to", to);
        if (start >= end) {
            throw new CliFailure(2, "--from must be before --to");
        }
        AiSettings settings;
        try {
            settings = AiSettings.from(market.config.load(AiCommand.CONFIG_FILE, AiSettings.SETTINGS, Map.of()));
        } catch (ConfigException e) {
            return ConfigErrors.report("ai train", e);
        }
        CandleSeries candles = market.store().readAll("binance", symbol, interval).series();
        if (candles.isEmpty()) {
            throw new CliFailure(2, "no stored candles for " + symbol + " " + interval.code()
                    + ": run ./bot-core import-data or download-data first");
        }
        candles = candles.between(Math.max(start, candles.firstOpenTime()), Math.min(end, candles.lastOpenTime() + 1));
        Path models = Home.resolve(settings.dataDir()).resolve("models");
        String runId = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        try (MongoClient client = MongoClients.create(settings.database(), new SimpleMeterRegistry())) {
            ModelRegistry registry = ModelRegistry.open(models, client.getDatabase(settings.database().databaseName()),
                    Clock.systemUTC());
            TrainingRunLog runs = new TrainingRunLog(client.getDatabase(settings.database().databaseName()));
            ProgressBar bar = new ProgressBar(System.err, "train " + symbol + " " + interval.code());
            TrainingOptions options = TrainingOptions.defaults(interval)
                    .withPromotion(promote ? Promotion.BEST_IF_BETTER_THAN_BASELINE : Promotion.NEVER);
            Instant started = Instant.now();
            TrainingResult result;
            try {
                result = new TrainCommandSupport(registry).train(candles, symbol, interval, options, bar::update,
                        models.resolve("reports").resolve(runId));
            } catch (RuntimeException | java.io.IOException e) {
                runs.failed(symbol, interval.code(), started, Duration.between(started, Instant.now()),
                        e.toString());
                if (e instanceof IllegalArgumentException) {
                    throw new CliFailure(2, e.getMessage());
                }
                throw e;
            } finally {
                bar.done();
            }
            runs.succeeded(symbol, interval.code(), started, Duration.between(started, Instant.now()),
                    result.registered().stream().map(m -> m.version()).toList());
            result.walkForward().verdicts().forEach(v -> System.out.println(v.text()));
            result.registered().forEach(m -> System.out.println("registered " + m.version()));
            System.out.println(result.promotionNote());
            System.out.println("report: " + result.report());
            System.out.printf("walk-forward %.1f s, final models %.1f s%n", result.walkForwardTime().toMillis() / 1000.0,
                    result.finalTrainTime().toMillis() / 1000.0);
        }
        return 0;
    }
}
