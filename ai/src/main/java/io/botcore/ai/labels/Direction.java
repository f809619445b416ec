package io.botcore.ai.labels;

/**
 * Where the close goes over the label horizon: down or up by more than the cost threshold, or flat within it.
 * The ordinal is the column of a class in every probability array of this module.
 *
 * <p>Immutable and thread-safe.
 */
public enum Direction {
    DOWN,
    FLAT,
    UP;

    private static final Direction[] VALUES = values();

    /** The direction with this ordinal. */
    public static Direction ofIndex(int index) {
        return VALUES[index];
    }

    /** Number of directions, the width of a probability array. */
    public static int count() {
        return VALUES.length;
    }
}
