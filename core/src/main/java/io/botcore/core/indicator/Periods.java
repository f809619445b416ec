package io.botcore.core.indicator;

import java.util.Arrays;

/** Argument checks shared by the indicators. */
final class Periods {

    private Periods() {
    }

    static int check(String name, int period) {
        if (period < 1) {
            throw new IllegalArgumentException(name + " must be >= 1 but is " + period);
        }
        return period;
    }

    static double[] nanArray(int length) {
        double[] values = new double[length];
        Arrays.fill(values, Double.NaN);
        return values;
    }

    static void sameLength(String name, double[] column, int expected) {
        if (column.length != expected) {
            throw new IllegalArgumentException(name + " has " + column.length + " values, expected " + expected);
        }
    }
}
