package io.botcore.core.indicator;

import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.market.csv.CandleCsvReader;
import io.botcore.core.testdata.RecordedData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.zip.GZIPInputStream;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DecimalNum;

/**
 * The real BTCUSDT 1h candles of data/recorded twice: read by our CSV reader, and independently parsed from
 * the CSV text into a ta4j series of {@link DecimalNum} (32 significant digits), the reference for the
 * indicator tests.
 */
final class ReferenceData {

    static final CandleSeries BTC_1H;
    static final BarSeries BTC_1H_TA4J;

    static {
        Path file = RecordedData.file(RecordedData.BTC_1H);
        try {
            BTC_1H = CandleCsvReader.read(file, Interval.H1);
            BTC_1H_TA4J = ta4jSeries(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ReferenceData() {
    }

    private static BarSeries ta4jSeries(Path file) throws IOException {
        BarSeries series = new BaseBarSeriesBuilder().withName("BTCUSDT 1h").withNumTypeOf(DecimalNum.class).build();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.US_ASCII))) {
            String header = reader.readLine();
            if (!header.equals("open_time_ms,open,high,low,close,volume")) {
                throw new IOException("unexpected header " + header);
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split(",");
                Instant end = Instant.ofEpochMilli(Long.parseLong(f[0])).plus(Duration.ofHours(1));
                series.addBar(Duration.ofHours(1), end.atZone(ZoneOffset.UTC), DecimalNum.valueOf(f[1]),
                        DecimalNum.valueOf(f[2]), DecimalNum.valueOf(f[3]), DecimalNum.valueOf(f[4]),
                        DecimalNum.valueOf(f[5]));
            }
        }
        return series;
    }
}
