package io.botcore.app.cli;

/** How the research commands print numbers in tables: infinities and NaN as such, never as a wrong number. */
final class Format {

    private Format() {
    }

    static String pct(double value) {
        return Double.isFinite(value) ? String.format("%.2f %%", value * 100) : String.valueOf(value);
    }

    static String num(double value) {
        return Double.isFinite(value) ? String.format("%.2f", value) : String.valueOf(value);
    }
}
