package io.botcore.core.market.store;

import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Reads and writes one partition file of {@link CandleStore}; the layout is described there.
 *
 * <p>Stateless and thread-safe; {@link Reader} is not.
 */
final class CandleFile {

    static final int HEADER_BYTES = 24;
    static final int BYTES_PER_CANDLE = 48;
    private static final int MAGIC = 0x53434342; // "BCCS" read little-endian
    private static final int VERSION = 1;

    private CandleFile() {
    }

    /** Writes {@code candles} (not empty) to {@code file}, replacing it atomically once durable. */
    static void write(Path file, CandleSeries candles) throws IOException {
        int n = candles.size();
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + BYTES_PER_CANDLE * n).order(ByteOrder.LITTLE_ENDIAN);
        buffer.position(HEADER_BYTES);
        buffer.asLongBuffer().put(candles.openTimes());
        putColumn(buffer, 1, n, candles.opens());
        putColumn(buffer, 2, n, candles.highs());
        putColumn(buffer, 3, n, candles.lows());
        putColumn(buffer, 4, n, candles.closes());
        putColumn(buffer, 5, n, candles.volumes());
        buffer.putInt(0, MAGIC);
        buffer.putInt(4, VERSION);
        buffer.putLong(8, candles.interval().millis());
        buffer.putInt(16, n);
        buffer.putInt(20, crc(buffer, n));
        buffer.position(0);

        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void putColumn(ByteBuffer buffer, int column, int n, double[] values) {
        buffer.position(HEADER_BYTES + column * 8 * n);
        buffer.asDoubleBuffer().put(values);
    }

    private static int crc(ByteBuffer buffer, int n) {
        CRC32C crc = new CRC32C();
        crc.update(buffer.duplicate().position(HEADER_BYTES).limit(HEADER_BYTES + BYTES_PER_CANDLE * n));
        return (int) crc.getValue();
    }

    /** A partition was replaced by a longer one between counting and reading it; read again. */
    static final class ChangedWhileReading extends IOException {

        private static final long serialVersionUID = 1L;

        ChangedWhileReading(Path file) {
            super(file + ": replaced while it was being read");
        }
    }

    /** Reads partition files into caller-supplied columns, reusing one buffer. */
    static final class Reader {

        private ByteBuffer buffer = ByteBuffer.allocate(0);

        /** The number of candles {@code file} holds, from its header, after checking magic, version, size. */
        int count(Path file, Interval interval) throws IOException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
                readFully(channel, header, file);
                return checkHeader(file, header, channel.size(), interval);
            }
        }

        /**
         * Reads every candle of {@code file} into the columns at index {@code at}; the number read.
         *
         * @throws IOException if the file is corrupt (magic, version, interval, size or checksum)
         */
        int read(Path file, Interval interval, long[] openTime, double[] open, double[] high, double[] low,
                double[] close, double[] volume, int at) throws IOException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = channel.size();
                if (size > Integer.MAX_VALUE || size < HEADER_BYTES) {
                    throw new IOException(file + ": size " + size + " bytes is not a candle file's");
                }
                if (buffer.capacity() < size) {
                    buffer = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
                }
                buffer.clear().limit((int) size);
                readFully(channel, buffer, file);
                int n = checkHeader(file, buffer, size, interval);
                if (at + n > openTime.length) {
                    throw new ChangedWhileReading(file);
                }
                if (buffer.getInt(20) != crc(buffer, n)) {
                    throw new IOException(file + ": checksum mismatch, the file is corrupt");
                }
                buffer.position(HEADER_BYTES);
                buffer.asLongBuffer().get(openTime, at, n);
                getColumn(1, n, open, at);
                getColumn(2, n, high, at);
                getColumn(3, n, low, at);
                getColumn(4, n, close, at);
                getColumn(5, n, volume, at);
                return n;
            }
        }

        private void getColumn(int column, int n, double[] target, int at) {
            buffer.position(HEADER_BYTES + column * 8 * n);
            buffer.asDoubleBuffer().get(target, at, n);
        }

        private static void readFully(FileChannel channel, ByteBuffer target, Path file) throws IOException {
            target.position(0);
            while (target.hasRemaining()) {
                if (channel.read(target) < 0) {
                    throw new IOException(file + ": ends after " + target.position() + " bytes");
                }
            }
        }

        private static int checkHeader(Path file, ByteBuffer header, long fileSize, Interval interval)
                throws IOException {
            if (header.getInt(0) != MAGIC) {
                throw new IOException(file + ": not a candle file (bad magic)");
            }
            int version = header.getInt(4);
            if (version != VERSION) {
                throw new IOException(file + ": format version " + version + " is not supported, only " + VERSION);
            }
            long intervalMillis = header.getLong(8);
            if (intervalMillis != interval.millis()) {
                throw new IOException(file + ": holds candles of " + intervalMillis + " ms, expected "
                        + interval.code() + " (" + interval.millis() + " ms)");
            }
            int n = header.getInt(16);
            long expected = HEADER_BYTES + (long) BYTES_PER_CANDLE * n;
            if (n < 1 || fileSize != expected) {
                throw new IOException(file + ": is " + fileSize + " bytes but its header announces " + n
                        + " candles (" + expected + " bytes)");
            }
            return n;
        }
    }
}
