package io.botcore.bench;

import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.market.csv.CandleCsvReader;
import io.botcore.core.market.store.CandleStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNum;

/**
 * Real BTCUSDT one-minute candles for the benchmarks: the newest {@value #CANDLES} of the full recording in
 * {@code ../shared/data} when it is there, else the one-year slice shipped in {@code data/recorded}
 * (525,600 candles). Parsed once from CSV, then kept in a candle store under {@code bench/target/} so
 * later forks load it in milliseconds.
 */
public final class BenchData {

    /** Candles the benchmarks run over when the full recording is available. */
    public static final int CANDLES = 1_000_000;

    private static final String FULL = "binance_BTCUSDT_1m_2017-08-17_2025-11-30.csv.gz";
    private static final String SLICE = "binance_BTCUSDT_1m_2024-11-01_2025-10-31.csv.gz";

    private BenchData() {
    }

    public static CandleSeries minuteCandles() {
        Path root = root();
        Path cache = root.resolve("bench/target/bench-data");
        CandleStore store = new CandleStore(cache);
        try {
            CandleSeries stored = store.readAll("binance", "BTCUSDT", Interval.M1).series();
            if (!stored.isEmpty()) {
                return stored;
            }
            Path full = root.resolveSibling("shared").resolve("data").resolve(FULL);
            CandleSeries series = Files.exists(full) ? CandleCsvReader.read(full, Interval.M1)
                    : CandleCsvReader.read(root.resolve("data/recorded").resolve(SLICE), Interval.M1);
            if (series.size() > CANDLES) {
                series = series.slice(series.size() - CANDLES, series.size());
            }
            store.write("binance", "BTCUSDT", series);
            return series;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same candles as a ta4j series with its fastest number type, for the reference side of a benchmark. */
    public static BarSeries ta4jSeries(CandleSeries candles) {
        BarSeries series = new BaseBarSeriesBuilder().withNumTypeOf(DoubleNum.class).withMaxBarCount(Integer.MAX_VALUE)
                .build();
        Duration step = Duration.ofMillis(candles.interval().millis());
        for (int i = 0; i < candles.size(); i++) {
            series.addBar(step, Instant.ofEpochMilli(candles.openTime(i)).plus(step).atZone(ZoneOffset.UTC),
                    candles.open(i), candles.high(i), candles.low(i), candles.close(i), candles.volume(i));
        }
        return series;
    }

    /** Where the data came from, for the report. */
    public static String source() {
        Path full = root().resolveSibling("shared").resolve("data").resolve(FULL);
        return Files.exists(full) ? "newest 1,000,000 candles of ../shared/data/" + FULL : "data/recorded/" + SLICE;
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("data/recorded"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run the benchmarks inside the Bot Core repository (data/recorded not found)");
        }
        return dir;
    }
}
