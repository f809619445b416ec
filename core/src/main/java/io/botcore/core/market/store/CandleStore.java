package io.botcore.core.market.store;

import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.market.InvalidCandleException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Candle history on disk, one directory per series: {@code <root>/<exchange>/<symbol>/<interval code>/}, for
 * example {@code data/market/binance/BTCUSDT/1h/}. Open time (UTC epoch milliseconds) is the key: writing a
 * candle whose open time is already stored replaces it. Gaps are reported on load, never filled.
 *
 * <h2>Partitions</h2>
 * Intervals shorter than one hour are kept in one file per UTC calendar month ({@code 2025-01.candles}, at most
 * 44,640 one-minute candles, about 2 MB); longer ones in one file per UTC calendar year ({@code 2025.candles}).
 * A write rewrites only the partitions it touches, so appending the latest candles rewrites one file.
 *
 * <h2>File format, version 1</h2>
 * Little-endian throughout; {@code n >= 1} candles in strictly increasing open-time order, all inside the
 * partition's month or year.
 * <pre>
 * offset        size  type        field
 * 0             4     4 bytes     magic, ASCII "BCCS"
 * 4             4     int32       format version, 1
 * 8             8     int64       interval length in milliseconds (3,600,000 for 1h)
 * 16            4     int32       candle count n
 * 20            4     int32       CRC-32C of the bytes from offset 24 to the end
 * 24            8n    int64[n]    open time, UTC epoch milliseconds
 * 24 + 8n       8n    float64[n]  open      (quote asset)
 * 24 + 16n      8n    float64[n]  high
 * 24 + 24n      8n    float64[n]  low
 * 24 + 32n      8n    float64[n]  close
 * 24 + 40n      8n    float64[n]  volume    (base asset)
 * </pre>
 * The file is exactly {@code 24 + 48n} bytes. Columns are read with bulk {@link java.nio.DoubleBuffer} copies;
 * a file whose magic, version, interval, size or checksum is wrong is refused with an {@link IOException}
 * naming it.
 *
 * <h2>Durability and concurrency</h2>
 * Each partition is written to a temporary file, forced to disk and renamed over the old one, so a reader or
 * a crash never sees half a partition; a write that spans several partitions is not atomic as a whole.
 * Thread-safe: writes to one series from threads of this instance are serialised; readers take no lock and
 * read again when a partition is replaced while they read it. Two processes must not write the same series at
 * the same time.
 */
public final class CandleStore {

    private static final Logger LOG = LoggerFactory.getLogger(CandleStore.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.candles");
    private static final Pattern MONTH_FILE = Pattern.compile("(\\d{4})-(\\d{2})\\.candles");

    private final Path root;
    private final ConcurrentHashMap<Path, Object> writeLocks = new ConcurrentHashMap<>();

    /** A store under {@code root}, which is created on the first write. */
    public CandleStore(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /** The directory holding one series. */
    public Path directory(String exchange, String symbol, Interval interval) {
        return root.resolve(checkName("exchange", exchange)).resolve(checkName("symbol", symbol))
                .resolve(interval.code());
    }

    /**
     * Merges {@code candles} into the stored series of {@code exchange} and {@code symbol}: candles at open
     * times already stored replace them, the others are inserted in order. An empty series changes nothing.
     *
     * @throws IOException            if a partition cannot be read or written
     * @throws InvalidCandleException if the merge would put candles a non-whole number of intervals apart
     *                                (possible only for 3d candles of different phase)
     */
    public void write(String exchange, String symbol, CandleSeries candles) throws IOException {
        if (candles.isEmpty()) {
            return;
        }
        Interval interval = candles.interval();
        Path directory = directory(exchange, symbol, interval);
        synchronized (writeLocks.computeIfAbsent(directory.toAbsolutePath().normalize(), key -> new Object())) {
            Files.createDirectories(directory);
            int from = 0;
            while (from < candles.size()) {
                long start = partitionStart(interval, candles.openTime(from));
                long end = partitionEnd(interval, start);
                int to = insertionPoint(candles, end);
                Path file = directory.resolve(fileName(interval, start));
                CandleSeries merged = merge(readPartition(file, interval), candles.slice(from, to), file);
                CandleFile.write(file, merged);
                from = to;
            }
        }
    }

    /** Every stored candle of the series, with its gaps. */
    public StoredCandles readAll(String exchange, String symbol, Interval interval) throws IOException {
        return read(exchange, symbol, interval, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * The stored candles whose open time lies in [{@code fromInclusive}, {@code toExclusive}) (UTC epoch
     * milliseconds), with the gaps between them; empty when none is stored.
     *
     * @throws IOException if a partition cannot be read or is corrupt
     */
    public StoredCandles read(String exchange, String symbol, Interval interval, long fromInclusive,
            long toExclusive) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return readOnce(exchange, symbol, interval, fromInclusive, toExclusive);
            } catch (CandleFile.ChangedWhileReading e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /**
     * One pass of {@link #read}: counts, then reads every partition. A partition that another process (or another
     * store instance) replaces in between is detected and the pass is repeated.
     */
    private StoredCandles readOnce(String exchange, String symbol, Interval interval, long fromInclusive,
            long toExclusive) throws IOException {
        List<Path> files = partitions(directory(exchange, symbol, interval), interval, fromInclusive, toExclusive);
        CandleFile.Reader reader = new CandleFile.Reader();
        int total = 0;
        for (Path file : files) {
            total = Math.addExact(total, reader.count(file, interval));
        }
        long[] openTime = new long[total];
        double[] open = new double[total];
        double[] high = new double[total];
        double[] low = new double[total];
        double[] close = new double[total];
        double[] volume = new double[total];
        int at = 0;
        for (Path file : files) {
            int n = reader.read(file, interval, openTime, open, high, low, close, volume, at);
            checkInsidePartition(file, interval, openTime, at, n);
            at += n;
        }
        if (at != total) {
            throw new CandleFile.ChangedWhileReading(directory(exchange, symbol, interval));
        }
        CandleSeries all;
        try {
            all = CandleSeries.of(interval, openTime, open, high, low, close, volume);
        } catch (InvalidCandleException e) {
            throw new IOException(directory(exchange, symbol, interval) + ": stored candles are invalid: "
                    + e.getMessage(), e);
        }
        CandleSeries series = all.between(fromInclusive, toExclusive);
        StoredCandles loaded = new StoredCandles(series, series.gaps());
        if (!loaded.gaps().isEmpty()) {
            LOG.warn("{}/{}/{}: {} gaps, {} missing candles between {} and {}", exchange, symbol, interval.code(),
                    loaded.gaps().size(), loaded.missingCount(), Instant.ofEpochMilli(series.firstOpenTime()),
                    Instant.ofEpochMilli(series.lastOpenTime()));
        }
        return loaded;
    }

    /**
     * Open time (UTC epoch milliseconds) of the newest stored candle of the series, read from the last
     * partition's header and open-time column without loading it; empty when nothing is stored.
     */
    public OptionalLong lastOpenTime(String exchange, String symbol, Interval interval) throws IOException {
        List<Path> files = partitions(directory(exchange, symbol, interval), interval, Long.MIN_VALUE,
                Long.MAX_VALUE);
        if (files.isEmpty()) {
            return OptionalLong.empty();
        }
        Path last = files.get(files.size() - 1);
        int n = new CandleFile.Reader().count(last, interval);
        try (FileChannel channel = FileChannel.open(last, StandardOpenOption.READ)) {
            ByteBuffer value = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            long position = CandleFile.HEADER_BYTES + 8L * (n - 1);
            while (value.hasRemaining()) {
                if (channel.read(value, position + value.position()) < 0) {
                    throw new IOException(last + ": ends inside its open-time column");
                }
            }
            return OptionalLong.of(value.getLong(0));
        }
    }

    private static int insertionPoint(CandleSeries candles, long openTime) {
        int found = candles.indexOf(openTime);
        return found >= 0 ? found : -found - 1;
    }

    private static CandleSeries readPartition(Path file, Interval interval) throws IOException {
        if (!Files.exists(file)) {
            return CandleSeries.empty(interval);
        }
        CandleFile.Reader reader = new CandleFile.Reader();
        int n = reader.count(file, interval);
        long[] openTime = new long[n];
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        reader.read(file, interval, openTime, open, high, low, close, volume, 0);
        checkInsidePartition(file, interval, openTime, 0, n);
        return CandleSeries.of(interval, openTime, open, high, low, close, volume);
    }

    /** Stored and new candles of one partition in open-time order; a new candle wins at an equal open time. */
    private static CandleSeries merge(CandleSeries stored, CandleSeries added, Path file) {
        CandleSeries.Builder merged = CandleSeries.builder(added.interval(), stored.size() + added.size());
        int i = 0;
        int j = 0;
        try {
            while (i < stored.size() || j < added.size()) {
                if (j == added.size() || (i < stored.size() && stored.openTime(i) < added.openTime(j))) {
                    merged.add(stored.candle(i++));
                } else {
                    if (i < stored.size() && stored.openTime(i) == added.openTime(j)) {
                        i++;
                    }
                    merged.add(added.candle(j++));
                }
            }
        } catch (InvalidCandleException e) {
            throw e.at("merging into " + file);
        }
        return merged.build();
    }

    private static void checkInsidePartition(Path file, Interval interval, long[] openTime, int at, int n)
            throws IOException {
        long start = partitionStartOf(file, interval);
        long end = partitionEnd(interval, start);
        if (openTime[at] < start || openTime[at + n - 1] >= end) {
            throw new IOException(file + ": holds candles from " + Instant.ofEpochMilli(openTime[at]) + " to "
                    + Instant.ofEpochMilli(openTime[at + n - 1]) + ", outside its partition");
        }
    }

    private static List<Path> partitions(Path directory, Interval interval, long fromInclusive, long toExclusive)
            throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(directory)) {
            listing.filter(file -> partitionStartOf(file, interval) != Long.MIN_VALUE)
                    .filter(file -> {
                        long start = partitionStartOf(file, interval);
                        return start < toExclusive && partitionEnd(interval, start) > fromInclusive;
                    })
                    .sorted()
                    .forEach(files::add);
        }
        return files;
    }

    /** The start of the partition a file holds, or {@code Long.MIN_VALUE} if it is not a partition file. */
    private static long partitionStartOf(Path file, Interval interval) {
        String name = file.getFileName().toString();
        if (monthly(interval)) {
            var month = MONTH_FILE.matcher(name);
            return month.matches() ? LocalDate.of(Integer.parseInt(month.group(1)), Integer.parseInt(month.group(2)), 1)
                    .atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() : Long.MIN_VALUE;
        }
        var year = YEAR_FILE.matcher(name);
        return year.matches() ? LocalDate.of(Integer.parseInt(year.group(1)), 1, 1).atStartOfDay(ZoneOffset.UTC)
                .toInstant().toEpochMilli() : Long.MIN_VALUE;
    }

    private static boolean monthly(Interval interval) {
        return interval.millis() < Interval.H1.millis();
    }

    private static long partitionStart(Interval interval, long openTime) {
        LocalDate day = Instant.ofEpochMilli(openTime).atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate start = monthly(interval) ? day.withDayOfMonth(1) : day.withDayOfYear(1);
        return start.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static long partitionEnd(Interval interval, long start) {
        LocalDate first = Instant.ofEpochMilli(start).atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate next = monthly(interval) ? first.plusMonths(1) : first.plusYears(1);
        return next.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static String fileName(Interval interval, long start) {
        LocalDate first = Instant.ofEpochMilli(start).atZone(ZoneOffset.UTC).toLocalDate();
        return monthly(interval)
                ? String.format(Locale.ROOT, "%04d-%02d.candles", first.getYear(), first.getMonthValue())
                : String.format(Locale.ROOT, "%04d.candles", first.getYear());
    }

    private static String checkName(String what, String name) {
        Objects.requireNonNull(name, what);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " '" + name
                    + "' must be letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }
}
