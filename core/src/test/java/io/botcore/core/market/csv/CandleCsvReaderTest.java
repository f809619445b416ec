package io.botcore.core.market.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Gap;
import io.botcore.core.market.Interval;
import io.botcore.core.testdata.RecordedData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandleCsvReaderTest {

    /** The first three 1m BTCUSDT candles of 2025, as in data/recorded. */
    private static final String OURS = """
            open_time_ms,open,high,low,close,volume
            1735689600000,93576.00000000,93610.93000000,93537.50000000,93610.93000000,8.21827000
            1735689660000,93610.93000000,93652.00000000,93606.20000000,93652.00000000,12.14029000
            1735689720000,93652.00000000,93702.15000000,93635.98000000,93702.15000000,11.60597000
            """;

    /**
     * The same candles in Binance's 12-column layout with millisecond times; close time is open time + 59,999
     * ms, and the columns the reader does not use (quote volume, trades, taker volumes, ignore) are zero.
     */
    private static final String BINANCE_MS = """
            1735689600000,93576.00000000,93610.93000000,93537.50000000,93610.93000000,8.21827000,1735689659999,0,0,0,0,0
            1735689660000,93610.93000000,93652.00000000,93606.20000000,93652.00000000,12.14029000,1735689719999,0,0,0,0,0
            1735689720000,93652.00000000,93702.15000000,93635.98000000,93702.15000000,11.60597000,1735689779999,0,0,0,0,0
            """;

    /** The same in microseconds, as Binance's spot archives write them from 2025 on. */
    private static final String BINANCE_US = """
            1735689600000000,93576.00000000,93610.93000000,93537.50000000,93610.93000000,8.21827000,1735689659999999,0,0,0,0,0
            1735689660000000,93610.93000000,93652.00000000,93606.20000000,93652.00000000,12.14029000,1735689719999999,0,0,0,0,0
            1735689720000000,93652.00000000,93702.15000000,93635.98000000,93702.15000000,11.60597000,1735689779999999,0,0,0,0,0
            """;

    private static CandleSeries read(String text) throws IOException {
        return CandleCsvReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.csv",
                Interval.M1);
    }

    @Test
    void readsOurLayout() throws IOException {
        CandleSeries series = read(OURS);

        assertThat(series.openTimes()).containsExactly(1735689600000L, 1735689660000L, 1735689720000L);
        assertThat(series.opens()).containsExactly(93576.0, 93610.93, 93652.0);
        assertThat(series.highs()).containsExactly(93610.93, 93652.0, 93702.15);
        assertThat(series.lows()).containsExactly(93537.5, 93606.2, 93635.98);
        assertThat(series.closes()).containsExactly(93610.93, 93652.0, 93702.15);
        assertThat(series.volumes()).containsExactly(8.21827, 12.14029, 11.60597);
    }

    @Test
    void readsBinanceLayoutInMillisecondsAndMicrosecondsAlike() throws IOException {
        CandleSeries expected = read(OURS);

        assertThat(read(BINANCE_MS)).isEqualTo(expected);
        assertThat(read(BINANCE_US)).isEqualTo(expected);
    }

    @Test
    void skipsBinancesOptionalHeader() throws IOException {
        String header = "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,"
                + "taker_buy_quote_volume,ignore\n";

        assertThat(read(header + BINANCE_US)).isEqualTo(read(OURS));
    }

    @Test
    void recognisesGzipByContentNotName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("candles.csv");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(OURS.getBytes(StandardCharsets.UTF_8));
        }
        Path plain = dir.resolve("candles.csv.gz");
        Files.writeString(plain, OURS.replace("\n", "\r\n") + "\n");

        assertThat(CandleCsvReader.read(file, Interval.M1)).isEqualTo(read(OURS));
        assertThat(CandleCsvReader.read(plain, Interval.M1)).isEqualTo(read(OURS));
    }

    @Test
    void readsTheRecordedHourlyFileWithItsGaps() throws IOException {
        CandleSeries series = CandleCsvReader.read(RecordedData.file(RecordedData.BTC_1H), Interval.H1);

        // Expected values measured with zcat and awk (data/recorded/PROVENANCE.md).
        assertThat(series.size()).isEqualTo(43_803);
        assertThat(series.firstOpenTime()).isEqualTo(Instant.parse("2020-09-20T00:00:00Z").toEpochMilli());
        assertThat(series.lastOpenTime()).isEqualTo(Instant.parse("2025-09-19T22:00:00Z").toEpochMilli());
        assertThat(series.candle(0).open()).isEqualTo(11080.64);
        assertThat(series.candle(1).low()).isEqualTo(10921.0);
        assertThat(series.close(series.size() - 1)).isEqualTo(115613.21);
        assertThat(series.volume(series.size() - 1)).isEqualTo(139.86142);
        assertThat(series.gaps()).hasSize(10);
        assertThat(series.gaps().stream().mapToLong(Gap::missingCount).sum()).isEqualTo(20);
        assertThat(series.gaps()).startsWith(
                new Gap(Instant.parse("2020-11-30T05:00:00Z").toEpochMilli(), 1),
                new Gap(Instant.parse("2020-12-21T13:00:00Z").toEpochMilli(), 4));
        assertThat(series.gaps()).endsWith(new Gap(Instant.parse("2023-03-24T12:00:00Z").toEpochMilli(), 1));
    }

    @Test
    void readsTheRecordedMinuteYear() throws IOException {
        CandleSeries series = CandleCsvReader.read(RecordedData.file(RecordedData.BTC_1M), Interval.M1);

        assertThat(series.size()).isEqualTo(525_600);
        assertThat(series.gaps()).isEmpty();
        assertThat(series.firstOpenTime()).isEqualTo(Instant.parse("2024-11-01T00:00:00Z").toEpochMilli());
        assertThat(series.lastOpenTime()).isEqualTo(Instant.parse("2025-10-31T23:59:00Z").toEpochMilli());
        assertThat(series.close(series.size() - 1)).isEqualTo(109608.01);
    }

    @Test
    void namesFileLineAndColumnOfABadNumber() {
        String bad = OURS.replace("93652.00000000,12.14029000", "93652.0x,12.14029000");

        assertThatThrownBy(() -> read(bad))
                .isInstanceOfSatisfying(CsvFormatException.class, e -> {
                    assertThat(e.source()).isEqualTo("test.csv");
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(5);
                })
                .hasMessage("test.csv: line 3, column 5 (close): not a number: '93652.0x'");
    }

    @Test
    void namesTheColumnOfAnInvalidCandle() {
        String highBelowLow = OURS.replace("93702.15000000,93635.98000000", "93602.15000000,93635.98000000");

        assertThatThrownBy(() -> read(highBelowLow))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("test.csv: line 4, column 3 (high): high 93602.15 is below low 93635.98");
    }

    @Test
    void namesTheLineOfAnOpenTimeThatGoesBackwards() {
        String backwards = OURS.replace("1735689720000,", "1735689600000,");

        assertThatThrownBy(() -> read(backwards))
                .hasMessageStartingWith("test.csv: line 4, column 1 (open time): open time 1735689600000")
                .hasMessageContaining("is not after the previous open time 1735689660000");
    }

    @Test
    void rejectsARowWithTheWrongNumberOfColumns() {
        String shortRow = OURS.replace(",11.60597000", "");

        assertThatThrownBy(() -> read(shortRow))
                .hasMessage("test.csv: line 4: expected 6 columns (BOT_CORE) but found 5");
    }

    @Test
    void rejectsAnUnknownLayout() {
        assertThatThrownBy(() -> read("time,price\n1,2\n"))
                .hasMessage("test.csv: line 1: expected the header 'open_time_ms,open,high,low,close,volume'"
                        + " or a 12-column Binance kline row, found 2 columns");
        assertThatThrownBy(() -> read("open_time_ms,close\n"))
                .hasMessageStartingWith("test.csv: line 1: header must be");
    }

    @Test
    void rejectsAMicrosecondTimeThatIsNotAWholeMillisecond() {
        String odd = BINANCE_US.replace("1735689660000000,", "1735689660000500,");

        assertThatThrownBy(() -> read(odd))
                .hasMessage("test.csv: line 2, column 1 (open time): microsecond open time 1735689660000500"
                        + " is not a whole millisecond");
    }

    @Test
    void anEmptyFileIsAnEmptySeries() throws IOException {
        assertThat(read("").isEmpty()).isTrue();
        assertThat(read(CandleCsvReader.HEADER + "\n").isEmpty()).isTrue();
    }

    @Test
    void aCorruptGzipStreamIsAnIoError() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(0x1f);
        bytes.write(0x8b);
        bytes.write(0);

        assertThatThrownBy(() -> CandleCsvReader.read(new ByteArrayInputStream(bytes.toByteArray()), "x.gz",
                Interval.M1)).isInstanceOf(IOException.class);
    }
}
