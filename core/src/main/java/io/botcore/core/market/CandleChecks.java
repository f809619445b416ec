package io.botcore.core.market;

import java.time.Instant;

/** The rules a candle and its place in a series must follow; each failure names the field. */
final class CandleChecks {

    private CandleChecks() {
    }

    static void checkValues(double open, double high, double low, double close, double volume) {
        checkPrice(CandleField.OPEN, open);
        checkPrice(CandleField.HIGH, high);
        checkPrice(CandleField.LOW, low);
        checkPrice(CandleField.CLOSE, close);
        if (!Double.isFinite(volume) || volume < 0) {
            throw new InvalidCandleException(CandleField.VOLUME, "volume must be finite and >= 0 but is " + volume);
        }
        if (high < low) {
            throw new InvalidCandleException(CandleField.HIGH, "high " + high + " is below low " + low);
        }
        if (high < open) {
            throw new InvalidCandleException(CandleField.HIGH, "high " + high + " is below open " + open);
        }
        if (high < close) {
            throw new InvalidCandleException(CandleField.HIGH, "high " + high + " is below close " + close);
        }
        if (low > open) {
            throw new InvalidCandleException(CandleField.LOW, "low " + low + " is above open " + open);
        }
        if (low > close) {
            throw new InvalidCandleException(CandleField.LOW, "low " + low + " is above close " + close);
        }
    }

    /**
     * @param hasPrevious      whether a candle precedes this one in the series
     * @param previousOpenTime that candle's open time (ignored without one)
     */
    static void checkOpenTime(Interval interval, boolean hasPrevious, long previousOpenTime, long openTime) {
        if (!interval.isAligned(openTime)) {
            throw new InvalidCandleException(CandleField.OPEN_TIME,
                    "open time " + openTime + " (" + Instant.ofEpochMilli(openTime) + ") is not aligned to "
                            + interval.code() + " candles");
        }
        if (!hasPrevious) {
            return;
        }
        if (openTime <= previousOpenTime) {
            throw new InvalidCandleException(CandleField.OPEN_TIME,
                    "open time " + openTime + " (" + Instant.ofEpochMilli(openTime) + ") is not after the previous "
                            + "open time " + previousOpenTime + " (" + Instant.ofEpochMilli(previousOpenTime) + ")");
        }
        if ((openTime - previousOpenTime) % interval.millis() != 0) {
            throw new InvalidCandleException(CandleField.OPEN_TIME,
                    "open time " + openTime + " (" + Instant.ofEpochMilli(openTime) + ") is "
                            + (openTime - previousOpenTime) + " ms after the previous one, not a whole number of "
                            + interval.code() + " intervals");
        }
    }

    private static void checkPrice(CandleField field, double price) {
        if (!Double.isFinite(price) || price <= 0) {
            throw new InvalidCandleException(field, field.label() + " must be finite and > 0 but is " + price);
        }
    }
}
