package io.botcore.core.market.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Gap;
import io.botcore.core.market.Interval;
import io.botcore.core.market.csv.CandleCsvReader;
import io.botcore.core.testdata.RecordedData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandleStoreTest {

    private static CandleSeries btcHourly;
    private static CandleSeries ethHourly;

    @TempDir
    Path root;

    @BeforeAll
    static void loadRecordedData() throws IOException {
        btcHourly = CandleCsvReader.read(RecordedData.file(RecordedData.BTC_1H), Interval.H1);
        ethHourly = CandleCsvReader.read(
                RecordedData.file("binance_ETHUSDT_1h_2020-09-20_2025-09-19.csv.gz"), Interval.H1);
    }

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void roundTripsAYearOfRealMinuteCandlesInMonthlyFiles() throws IOException {
        CandleSeries minutes = CandleCsvReader.read(RecordedData.file(RecordedData.BTC_1M), Interval.M1);
        CandleStore store = new CandleStore(root);
        store.write("binance", "BTCUSDT", minutes);

        long started = System.nanoTime();
        StoredCandles loaded = store.readAll("binance", "BTCUSDT", Interval.M1);
        long elapsed = System.nanoTime() - started;
        System.out.printf("loaded %,d one-minute candles in %.1f ms%n", loaded.series().size(), elapsed / 1e6);

        assertThat(loaded.series()).isEqualTo(minutes);
        assertThat(loaded.gaps()).isEmpty();
        assertThat(fileNames(store.directory("binance", "BTCUSDT", Interval.M1))).containsExactly(
                "2024-11.candles", "2024-12.candles", "2025-01.candles", "2025-02.candles", "2025-03.candles",
                "2025-04.candles", "2025-05.candles", "2025-06.candles", "2025-07.candles", "2025-08.candles",
                "2025-09.candles", "2025-10.candles");
        assertThat(Files.size(store.directory("binance", "BTCUSDT", Interval.M1).resolve("2025-02.candles")))
                .as("28 days of minutes").isEqualTo(24 + 48L * 28 * 1440);
    }

    @Test
    void readsARangeAcrossPartitionsHalfOpen() throws IOException {
        CandleStore store = new CandleStore(root);
        store.write("binance", "BTCUSDT", btcHourly);

        StoredCandles range = store.read("binance", "BTCUSDT", Interval.H1, at("2020-12-31T22:00:00Z"),
                at("2021-01-01T02:00:00Z"));

        assertThat(range.series().openTimes()).containsExactly(at("2020-12-31T22:00:00Z"),
                at("2020-12-31T23:00:00Z"), at("2021-01-01T00:00:00Z"), at("2021-01-01T01:00:00Z"));
        assertThat(range.series()).isEqualTo(btcHourly.between(at("2020-12-31T22:00:00Z"),
                at("2021-01-01T02:00:00Z")));
        assertThat(fileNames(store.directory("binance", "BTCUSDT", Interval.H1))).containsExactly(
                "2020.candles", "2021.candles", "2022.candles", "2023.candles", "2024.candles", "2025.candles");
    }

    @Test
    void reportsTheRecordedGapsOnLoad() throws IOException {
        CandleStore store = new CandleStore(root);
        store.write("binance", "BTCUSDT", btcHourly);

        StoredCandles all = store.readAll("binance", "BTCUSDT", Interval.H1);
        StoredCandles y2021 = store.read("binance", "BTCUSDT", Interval.H1, at("2021-01-01T00:00:00Z"),
                at("2022-01-01T00:00:00Z"));

        assertThat(all.series()).isEqualTo(btcHourly);
        assertThat(all.gaps()).hasSize(10);
        assertThat(all.missingCount()).isEqualTo(20);
        // 2021's gaps in the recorded file: after 02-11 03:00 (1), 03-06 01:00 (1), 04-20 01:00 (2),
        // 04-25 04:00 (3), 08-13 01:00 (4), 09-29 06:00 (2).
        assertThat(y2021.gaps()).containsExactly(new Gap(at("2021-02-11T03:00:00Z"), 1),
                new Gap(at("2021-03-06T01:00:00Z"), 1), new Gap(at("2021-04-20T01:00:00Z"), 2),
                new Gap(at("2021-04-25T04:00:00Z"), 3), new Gap(at("2021-08-13T01:00:00Z"), 4),
                new Gap(at("2021-09-29T06:00:00Z"), 2));
        assertThat(y2021.series().size()).isEqualTo(365 * 24 - 13);
    }

    @Test
    void overlappingWritesReplaceByOpenTimeAndNeverDouble() throws IOException {
        CandleStore store = new CandleStore(root);
        CandleSeries first = btcHourly.slice(1500, 2800);
        CandleSeries second = ethHourly.slice(2300, 3600);
        assertThat(first.openTime(800)).isEqualTo(second.openTime(0));
        assertThat(second.lastOpenTime()).as("the overlap crosses into the next yearly file")
                .isGreaterThan(at("2021-01-01T00:00:00Z"));

        store.write("binance", "X", first);
        store.write("binance", "X", second);
        CandleSeries stored = store.readAll("binance", "X", Interval.H1).series();

        assertThat(stored.size()).isEqualTo(800 + 1300);
        assertThat(stored.slice(0, 800)).isEqualTo(first.slice(0, 800));
        assertThat(stored.slice(800, 2100)).isEqualTo(second);
    }

    @Test
    void anOlderWriteFillsInBeforeAndBetweenStoredCandles() throws IOException {
        CandleStore store = new CandleStore(root);
        CandleSeries sample = btcHourly.slice(0, 300);
        store.write("binance", "BTCUSDT", sample.slice(100, 200));
        store.write("binance", "BTCUSDT", sample.slice(250, 300));
        store.write("binance", "BTCUSDT", sample.slice(0, 120));
        store.write("binance", "BTCUSDT", sample.slice(190, 260));

        assertThat(store.readAll("binance", "BTCUSDT", Interval.H1).series()).isEqualTo(sample);
    }

    @Test
    void appendsAtTheEndAndKnowsTheLastOpenTime() throws IOException {
        CandleStore store = new CandleStore(root);
        assertThat(store.lastOpenTime("binance", "BTCUSDT", Interval.H1)).isEmpty();

        store.write("binance", "BTCUSDT", btcHourly.slice(0, 2500));
        store.write("binance", "BTCUSDT", btcHourly.slice(2500, 2600));

        assertThat(store.lastOpenTime("binance", "BTCUSDT", Interval.H1))
                .isEqualTo(OptionalLong.of(btcHourly.openTime(2599)));
        assertThat(store.readAll("binance", "BTCUSDT", Interval.H1).series()).isEqualTo(btcHourly.slice(0, 2600));
    }

    @Test
    void writesTheDocumentedLayout() throws IOException {
        CandleStore store = new CandleStore(root);
        CandleSeries two = btcHourly.slice(0, 2);
        store.write("binance", "BTCUSDT", two);

        byte[] bytes = Files.readAllBytes(store.directory("binance", "BTCUSDT", Interval.H1).resolve("2020.candles"));
        ByteBuffer file = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(bytes).hasSize(24 + 48 * 2);
        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("BCCS");
        assertThat(file.getInt(4)).isEqualTo(1);
        assertThat(file.getLong(8)).isEqualTo(3_600_000L);
        assertThat(file.getInt(16)).isEqualTo(2);
        assertThat(file.getLong(24)).isEqualTo(at("2020-09-20T00:00:00Z"));
        assertThat(file.getLong(32)).isEqualTo(at("2020-09-20T01:00:00Z"));
        assertThat(file.getDouble(24 + 16)).as("first open").isEqualTo(11080.64);
        assertThat(file.getDouble(24 + 3 * 16 + 8)).as("second low").isEqualTo(10921.0);
        assertThat(file.getDouble(24 + 5 * 16 + 8)).as("second volume").isEqualTo(2716.57855);
    }

    @Test
    void refusesACorruptFileNamingIt() throws IOException {
        CandleStore store = new CandleStore(root);
        store.write("binance", "BTCUSDT", btcHourly.slice(0, 10));
        Path file = store.directory("binance", "BTCUSDT", Interval.H1).resolve("2020.candles");
        byte[] bytes = Files.readAllBytes(file);
        bytes[100] ^= 1;
        Files.write(file, bytes);

        assertThatThrownBy(() -> store.readAll("binance", "BTCUSDT", Interval.H1))
                .isInstanceOf(IOException.class)
                .hasMessage(file + ": checksum mismatch, the file is corrupt");

        Files.write(file, Arrays.copyOf(bytes, bytes.length - 8));
        assertThatThrownBy(() -> store.readAll("binance", "BTCUSDT", Interval.H1))
                .hasMessage(file + ": is 496 bytes but its header announces 10 candles (504 bytes)");
    }

    @Test
    void refusesAFileOfAnotherInterval() throws IOException {
        CandleStore store = new CandleStore(root);
        store.write("binance", "BTCUSDT", btcHourly.slice(0, 10));
        Path fourHours = Files.createDirectories(store.directory("binance", "BTCUSDT", Interval.H4));
        Files.copy(store.directory("binance", "BTCUSDT", Interval.H1).resolve("2020.candles"),
                fourHours.resolve("2020.candles"), StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> store.readAll("binance", "BTCUSDT", Interval.H4))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("holds candles of 3600000 ms, expected 4h (14400000 ms)");
    }

    @Test
    void anEmptyStoreReadsEmpty() throws IOException {
        StoredCandles nothing = new CandleStore(root).readAll("binance", "BTCUSDT", Interval.D1);

        assertThat(nothing.series().isEmpty()).isTrue();
        assertThat(nothing.gaps()).isEmpty();
    }

    @Test
    void rejectsNamesThatAreNotOneSafePathSegment() {
        CandleStore store = new CandleStore(root);

        assertThatThrownBy(() -> store.directory("..", "BTCUSDT", Interval.H1))
                .hasMessageStartingWith("exchange '..' must be");
        assertThatThrownBy(() -> store.write("binance", "BTC/USDT", btcHourly.slice(0, 1)))
                .hasMessageStartingWith("symbol 'BTC/USDT' must be");
    }

    @Test
    void aReaderOfAnotherInstanceSeesWholeSeriesWhileCandlesAreAppendedOneByOne() throws Exception {
        CandleSeries year = btcHourly.between(at("2025-01-01T00:00:00Z"), at("2026-01-01T00:00:00Z"));
        int seeded = year.size() - 300;
        CandleStore writer = new CandleStore(root);
        writer.write("binance", "BTCUSDT", year.slice(0, seeded));
        Thread appender = new Thread(() -> {
            try {
                for (int i = seeded; i < year.size(); i++) {
                    writer.write("binance", "BTCUSDT", year.slice(i, i + 1));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        CandleStore reader = new CandleStore(root);
        appender.start();
        int previous = 0;
        int reads = 0;
        while (appender.isAlive() || reads == 0) {
            CandleSeries seen = reader.readAll("binance", "BTCUSDT", Interval.H1).series();
            assertThat(seen.size()).isGreaterThanOrEqualTo(Math.max(previous, seeded));
            assertThat(seen).isEqualTo(year.slice(0, seen.size()));
            previous = seen.size();
            reads++;
        }
        appender.join();
        assertThat(reader.readAll("binance", "BTCUSDT", Interval.H1).series()).isEqualTo(year);
    }
}
