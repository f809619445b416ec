package io.botcore.core.testdata;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the real recorded candles in {@code data/recorded/} of the repository the tests run in. */
public final class RecordedData {

    public static final String BTC_1H = "binance_BTCUSDT_1h_2020-09-20_2025-09-19.csv.gz";
    public static final String BTC_1M = "binance_BTCUSDT_1m_2024-11-01_2025-10-31.csv.gz";

    private RecordedData() {
    }

    /** The repository root: the nearest directory, from the working directory up, holding data/recorded. */
    public static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("data").resolve("recorded"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no data/recorded above " + Path.of("").toAbsolutePath());
    }

    /** A file of data/recorded. */
    public static Path file(String name) {
        return repoRoot().resolve("data").resolve("recorded").resolve(name);
    }
}
