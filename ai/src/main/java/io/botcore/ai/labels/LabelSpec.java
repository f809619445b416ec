package io.botcore.ai.labels;

/**
 * How a bar is labelled: the simple return {@code close[t + horizon] / close[t] - 1} is {@link Direction#UP}
 * above {@code flatThreshold}, {@link Direction#DOWN} below {@code -flatThreshold}, and {@link Direction#FLAT}
 * when its absolute value is at most {@code flatThreshold}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param horizon       bars ahead, {@code >= 1}
 * @param flatThreshold fraction (0.002 is 0.2 %), finite and {@code >= 0}; usually the round-trip cost
 */
public record LabelSpec(int horizon, double flatThreshold) {

    /** 4 bars ahead, flat within 0.2 %: the defaults for hourly candles. */
    public static final LabelSpec DEFAULT = new LabelSpec(4, 0.002);

    public LabelSpec {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1 but is " + horizon);
        }
        if (!Double.isFinite(flatThreshold) || flatThreshold < 0) {
            throw new IllegalArgumentException("flatThreshold must be finite and >= 0 but is " + flatThreshold);
        }
    }

    /** The label of a forward simple return. */
    public Direction classify(double forwardReturn) {
        if (forwardReturn > flatThreshold) {
            return Direction.UP;
        }
        if (forwardReturn < -flatThreshold) {
            return Direction.DOWN;
        }
        return Direction.FLAT;
    }
}
