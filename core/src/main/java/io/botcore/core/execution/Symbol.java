package io.botcore.core.execution;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A traded instrument as the exchange names it, for example {@code BTCUSDT}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value 2 to 20 upper-case letters or digits
 */
public record Symbol(String value) {

    private static final Pattern VALID = Pattern.compile("[A-Z0-9]{2,20}");

    public Symbol {
        Objects.requireNonNull(value, "value");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("symbol must be 2 to 20 upper-case letters or digits but is '" + value
                    + "'");
        }
    }

    /** The symbol named {@code value}. */
    public static Symbol of(String value) {
        return new Symbol(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
