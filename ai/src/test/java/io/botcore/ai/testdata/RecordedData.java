package io.botcore.ai.testdata;

import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.market.csv.CandleCsvReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The real recorded candles in {@code data/recorded/} of the repository the tests run in, read once. */
public final class RecordedData {

    public static final String BTC_1H = "binance_BTCUSDT_1h_2020-09-20_2025-09-19.csv.gz";
    public static final String ETH_1H = "binance_ETHUSDT_1h_2020-09-20_2025-09-19.csv.gz";

    private static final Map<String, CandleSeries> CACHE = new ConcurrentHashMap<>();

    private RecordedData() {
    }

    /** The hourly candles of a file of data/recorded. */
    public static CandleSeries hourly(String name) {
        return CACHE.computeIfAbsent(name, key -> {
            try {
                return CandleCsvReader.read(file(key), Interval.H1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A file of data/recorded, found from the working directory up. */
    public static Path file(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path recorded = dir.resolve("data").resolve("recorded");
            if (Files.isDirectory(recorded)) {
                return recorded.resolve(name);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no data/recorded above " + Path.of("").toAbsolutePath());
    }
}
