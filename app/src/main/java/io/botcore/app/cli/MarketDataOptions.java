package io.botcore.app.cli;

import io.botcore.core.market.Interval;
import io.botcore.core.market.store.CandleStore;
import io.botcore.core.market.store.StoredCandles;
import io.botcore.platform.config.CommonSettings;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Symbol and interval options shared by the market-data commands, and the store they write to. */
final class MarketDataOptions {

    @Mixin
    ConfigOptions config = new ConfigOptions();

    @Option(names = "--symbol", required = true, description = "Binance symbol, e.g. BTCUSDT")
    String symbol;

    @Option(names = "--interval", required = true, description = "candle interval: 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w")
    String interval;

    String symbol() {
        String s = symbol.trim().toUpperCase(java.util.Locale.ROOT);
        if (!s.matches("[A-Z0-9]{2,20}")) {
            throw new CliFailure(2, "--symbol: must be 2 to 20 letters or digits, e.g. BTCUSDT");
        }
        return s;
    }

    /** The comma-separated symbols of {@code --symbol} (a portfolio), each checked, none twice. */
    java.util.List<String> symbols() {
        java.util.List<String> symbols = new java.util.ArrayList<>();
        for (String part : symbol.split(",", -1)) {
            String s = part.trim().toUpperCase(java.util.Locale.ROOT);
            if (!s.matches("[A-Z0-9]{2,20}")) {
                throw new CliFailure(2, "--symbol: each symbol must be 2 to 20 letters or digits, e.g. BTCUSDT,ETHUSDT; got '"
                        + part.trim() + "'");
            }
            if (symbols.contains(s)) {
                throw new CliFailure(2, "--symbol: " + s + " appears twice");
            }
            symbols.add(s);
        }
        return symbols;
    }

    Interval interval() {
        try {
            return Interval.fromCode(interval.trim());
        } catch (IllegalArgumentException e) {
            throw new CliFailure(2, "--interval: " + e.getMessage());
        }
    }

    CandleStore store() {
        return new CandleStore(dataDir().resolve("market"));
    }

    /** The configured data folder ({@code data/} of the home by default). */
    java.nio.file.Path dataDir() {
        String dataDir = config.load(EngineCommand.CONFIG_FILE, io.botcore.engine.EngineSettings.SETTINGS, Map.of()).get(CommonSettings.DATA_DIR);
        return Home.resolve(dataDir);
    }

    /** "2024-01-01" or an ISO instant, as epoch ms. */
    static long date(String option, String value) {
        try {
            return value.length() == 10 ? Instant.parse(value + "T00:00:00Z").toEpochMilli()
                    : Instant.parse(value).toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            throw new CliFailure(2, option + ": expected a date like 2024-01-01 or 2024-01-01T12:00:00Z, got " + value);
        }
    }

    static void printSummary(StoredCandles stored, String symbol, Interval interval) throws IOException {
        if (stored.series().isEmpty()) {
            System.out.println(symbol + " " + interval.code() + ": no candles stored");
            return;
        }
        System.out.printf("%s %s: %,d candles stored, %s .. %s, %d gaps (%,d missing candles, left as they are)%n",
                symbol, interval.code(), stored.series().size(), Instant.ofEpochMilli(stored.series().firstOpenTime()),
                Instant.ofEpochMilli(stored.series().lastOpenTime()), stored.gaps().size(), stored.missingCount());
    }
}
