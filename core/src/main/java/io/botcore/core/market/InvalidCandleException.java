package io.botcore.core.market;

import java.util.Objects;

/**
 * A candle, or a candle's place in a series, breaks a rule: non-positive or non-finite price, negative
 * volume, high below low, open or close outside [low, high], open time not aligned to the interval or not
 * after the previous one.
 *
 * <p>{@link #field()} names the offending field and {@link #problem()} says what is wrong with it without
 * any location, so that a reader (CSV line and column, series row) can state where it happened.
 *
 * <p>Immutable and thread-safe.
 */
public final class InvalidCandleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final CandleField field;
    private final String problem;

    /**
     * @param field   the field that breaks the rule
     * @param problem what is wrong, for example {@code "high 9.5 is below low 10.0"}
     */
    public InvalidCandleException(CandleField field, String problem) {
        this(field, problem, problem);
    }

    private InvalidCandleException(CandleField field, String problem, String message) {
        super(message);
        this.field = Objects.requireNonNull(field, "field");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** The field that breaks the rule. */
    public CandleField field() {
        return field;
    }

    /** What is wrong, without location. */
    public String problem() {
        return problem;
    }

    /**
     * The same problem with a location in front of it, for example {@code "row 5 (open time ...): "}.
     */
    public InvalidCandleException at(String location) {
        return new InvalidCandleException(field, problem, location + ": " + problem);
    }
}
