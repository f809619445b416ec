package io.botcore.app.backup;

/**
 * CRC-64 with the ECMA-182 polynomial in reflected form, initial and final value all ones (the CRC-64/XZ
 * variant, Go's {@code crc64.New(crc64.MakeTable(crc64.ECMA))}): the checksum a mongodump archive keeps for
 * the documents of each collection. Not thread-safe.
 */
final class Crc64 {

    private static final long POLY = 0xC96C5795D7870F42L;
    private static final long[] TABLE = new long[256];

    static {
        for (int i = 0; i < 256; i++) {
            long crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ POLY : crc >>> 1;
            }
            TABLE[i] = crc;
        }
    }

    private long crc = ~0L;

    void update(byte[] bytes, int offset, int length) {
        long c = crc;
        for (int i = offset; i < offset + length; i++) {
            c = TABLE[(int) ((c ^ bytes[i]) & 0xFF)] ^ (c >>> 8);
        }
        crc = c;
    }

    long value() {
        return ~crc;
    }
}
