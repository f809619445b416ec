package io.botcore.core.execution;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/** Argument checks and the division context shared by the execution types. */
final class Decimals {

    /** Precision of every division of money or quantities: 34 significant digits, half-even. */
    static final MathContext DIVISION = MathContext.DECIMAL128;

    private Decimals() {
    }

    static BigDecimal requirePositive(String name, BigDecimal value) {
        Objects.requireNonNull(value, name);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be > 0 but is " + value.toPlainString());
        }
        return value;
    }

    static BigDecimal requireNonNegative(String name, BigDecimal value) {
        Objects.requireNonNull(value, name);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(name + " must be >= 0 but is " + value.toPlainString());
        }
        return value;
    }

    /** {@code value} in the open interval (0, 1), or {@code null}. */
    static BigDecimal requireFractionOrNull(String name, BigDecimal value) {
        if (value != null && (value.signum() <= 0 || value.compareTo(BigDecimal.ONE) >= 0)) {
            throw new IllegalArgumentException(name + " must be in (0, 1) but is " + value.toPlainString());
        }
        return value;
    }
}
