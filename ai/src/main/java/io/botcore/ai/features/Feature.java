package io.botcore.ai.features;

/**
 * One input column of the models, in the order {@link FeatureExtractor} writes them. Every value at bar
 * {@code t} is computed from candles {@code 0..t} only, and is known at the close of bar {@code t}.
 *
 * <p>Immutable and thread-safe.
 */
public enum Feature {
    RETURN_1("ret_1", "log return of the close over 1 bar: ln(close[t] / close[t-1])"),
    RETURN_3("ret_3", "log return of the close over 3 bars"),
    RETURN_6("ret_6", "log return of the close over 6 bars"),
    RETURN_12("ret_12", "log return of the close over 12 bars"),
    RETURN_24("ret_24", "log return of the close over 24 bars"),
    RSI_14("rsi_14", "RSI(14) of closes divided by 100, in [0, 1]"),
    MACD_HISTOGRAM("macd_hist", "MACD(12, 26, 9) histogram divided by the close"),
    BOLLINGER_PERCENT_B("bb_pct_b", "(close - lower) / (upper - lower) of Bollinger(20, 2); 0.5 when the bands meet"),
    BOLLINGER_WIDTH("bb_width", "(upper - lower) / middle of Bollinger(20, 2)"),
    ATR_RATIO("atr_14_rel", "ATR(14) divided by the close"),
    VOLUME_RATIO("vol_ratio_20", "volume divided by its 20-bar simple average (current bar included)"),
    HOUR_SIN("hour_sin", "sin(2 pi h / 24), h = UTC hour of the bar's open time"),
    HOUR_COS("hour_cos", "cos(2 pi h / 24)"),
    DAY_OF_WEEK_SIN("dow_sin", "sin(2 pi d / 7), d = UTC day of week of the bar's open time, Monday = 0"),
    DAY_OF_WEEK_COS("dow_cos", "cos(2 pi d / 7)");

    private final String column;
    private final String description;

    Feature(String column, String description) {
        this.column = column;
        this.description = description;
    }

    /** Column name used in model files, metadata and reports, for example {@code "ret_1"}. */
    public String column() {
        return column;
    }

    /** What the value is and its unit. */
    public String description() {
        return description;
    }
}
