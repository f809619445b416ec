package io.botcore.exchange.binance;

import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.market.csv.CandleCsvReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Recorded real BTCUSDT hourly candles from the repository's {@code data/recorded}. */
final class RecordedPrices {

    private static CandleSeries btcHourly;

    private RecordedPrices() {
    }

    static synchronized CandleSeries btcusdtHourly() {
        if (btcHourly == null) {
            Path root = Path.of("").toAbsolutePath();
            while (!Files.isDirectory(root.resolve("data/recorded"))) {
                root = root.getParent();
            }
            try {
                btcHourly = CandleCsvReader.read(root.resolve(
                        "data/recorded/binance_BTCUSDT_1h_2020-09-20_2025-09-19.csv.gz"), Interval.H1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return btcHourly;
    }

    /** The close of the recorded BTCUSDT hour opening at {@code openTime}, as Binance printed it. */
    static BigDecimal btcClose(String openTime) {
        CandleSeries series = btcusdtHourly();
        int i = series.indexOf(Instant.parse(openTime).toEpochMilli());
        return new BigDecimal(Double.toString(series.close(i)));
    }
}
