package io.botcore.core.market.csv;

import io.botcore.core.market.CandleField;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.market.InvalidCandleException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads candles from CSV, plain or gzip (recognised by its magic bytes, whatever the file name), in either
 * {@link CandleCsvLayout}, told apart by the first line.
 *
 * <p>Every row is checked as {@link CandleSeries} requires (aligned, increasing open times, sane prices); the
 * first problem ends the read with a {@link CsvFormatException} naming the file, line and column. Gaps are
 * kept as they are. Blank lines are skipped.
 *
 * <p>Stateless and thread-safe.
 */
public final class CandleCsvReader {

    /** Header line of {@link CandleCsvLayout#BOT_CORE}. */
    public static final String HEADER = "open_time_ms,open,high,low,close,volume";

    private static final int BINANCE_COLUMNS = 12;
    /** Open times at or above this (year 5138 in milliseconds, 1973 in microseconds) are microseconds. */
    private static final long MICROSECONDS_FROM = 100_000_000_000_000L;
    private static final int GZIP_MAGIC = 0x8b1f;

    private CandleCsvReader() {
    }

    /**
     * Reads every candle of {@code file}, which holds candles of {@code interval}.
     *
     * @throws CsvFormatException if the layout is not recognised or a row is malformed or invalid
     * @throws IOException        if the file cannot be read or its gzip stream is corrupt
     */
    public static CandleSeries read(Path file, Interval interval) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), interval);
        }
    }

    /**
     * Reads every candle from {@code in}, which is not closed; {@code source} names it in error messages.
     *
     * @throws CsvFormatException if the layout is not recognised or a row is malformed or invalid
     * @throws IOException        if the stream cannot be read or its gzip stream is corrupt
     */
    public static CandleSeries read(InputStream in, String source, Interval interval) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int magic = buffered.read() | (buffered.read() << 8);
        buffered.reset();
        InputStream text = magic == GZIP_MAGIC ? new GZIPInputStream(buffered, 1 << 16) : buffered;
        BufferedReader reader = new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8), 1 << 16);
        return new Parse(source, interval).run(reader);
    }

    /** State of one read. */
    private static final class Parse {

        private final String source;
        private final CandleSeries.Builder builder;
        private final int[] commas = new int[BINANCE_COLUMNS];
        private long lineNumber;
        private int columns;
        private String line;
        private CandleCsvLayout layout;

        Parse(String source, Interval interval) {
            this.source = source;
            this.builder = CandleSeries.builder(interval, 1024);
        }

        CandleSeries run(BufferedReader reader) throws IOException {
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                if (layout == null && detectLayout()) {
                    continue;
                }
                parseRow();
            }
            return builder.build();
        }

        /** Sets the layout from the first non-blank line; whether that line was a header. */
        private boolean detectLayout() {
            if (line.startsWith("open_time_ms")) {
                if (!line.strip().equals(HEADER)) {
                    throw lineError("header must be '" + HEADER + "' but is '" + line + "'");
                }
                layout = CandleCsvLayout.BOT_CORE;
                return true;
            }
            split();
            if (columns != BINANCE_COLUMNS) {
                throw lineError("expected the header '" + HEADER + "' or a " + BINANCE_COLUMNS
                        + "-column Binance kline row, found " + columns + " columns");
            }
            layout = CandleCsvLayout.BINANCE_KLINES;
            return line.startsWith("open_time");
        }

        private void parseRow() {
            split();
            int expected = layout == CandleCsvLayout.BOT_CORE ? 6 : BINANCE_COLUMNS;
            if (columns != expected) {
                throw lineError("expected " + expected + " columns (" + layout + ") but found " + columns);
            }
            long openTime = parseOpenTime();
            double open = parseDouble(CandleField.OPEN);
            double high = parseDouble(CandleField.HIGH);
            double low = parseDouble(CandleField.LOW);
            double close = parseDouble(CandleField.CLOSE);
            double volume = parseDouble(CandleField.VOLUME);
            try {
                builder.add(openTime, open, high, low, close, volume);
            } catch (InvalidCandleException e) {
                throw fieldError(e.field(), e.problem());
            }
        }

        /** Counts the columns of the line and records where its first commas are. */
        private void split() {
            int count = 0;
            for (int at = line.indexOf(','); at >= 0; at = line.indexOf(',', at + 1)) {
                if (count < commas.length) {
                    commas[count] = at;
                }
                count++;
            }
            columns = count + 1;
        }

        private String field(CandleField field) {
            int column = field.ordinal();
            int start = column == 0 ? 0 : commas[column - 1] + 1;
            int end = column < columns - 1 ? commas[column] : line.length();
            return line.substring(start, end).strip();
        }

        private long parseOpenTime() {
            String text = field(CandleField.OPEN_TIME);
            long value;
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw fieldError(CandleField.OPEN_TIME, "not a whole number: '" + text + "'");
            }
            if (layout == CandleCsvLayout.BINANCE_KLINES && value >= MICROSECONDS_FROM) {
                if (value % 1000 != 0) {
                    throw fieldError(CandleField.OPEN_TIME,
                            "microsecond open time " + value + " is not a whole millisecond");
                }
                return value / 1000;
            }
            return value;
        }

        private double parseDouble(CandleField field) {
            String text = field(field);
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw fieldError(field, "not a number: '" + text + "'");
            }
        }

        private CsvFormatException lineError(String problem) {
            return new CsvFormatException(source, lineNumber, 0, "", problem);
        }

        private CsvFormatException fieldError(CandleField field, String problem) {
            return new CsvFormatException(source, lineNumber, field.ordinal() + 1, field.label(), problem);
        }
    }
}
