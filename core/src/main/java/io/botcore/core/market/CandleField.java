package io.botcore.core.market;

/**
 * The fields of a candle, in the column order of the CSV layouts ({@code open_time_ms,open,high,low,close,volume}).
 *
 * <p>Immutable and thread-safe.
 */
public enum CandleField {
    OPEN_TIME("open time"),
    OPEN("open"),
    HIGH("high"),
    LOW("low"),
    CLOSE("close"),
    VOLUME("volume");

    private final String label;

    CandleField(String label) {
        this.label = label;
    }

    /** Human-readable name used in error messages, for example {@code "open time"}. */
    public String label() {
        return label;
    }
}
