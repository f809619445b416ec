package io.botcore.core.execution;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id a client gives an order before sending it, so that a retry or a restart can never place it twice. The
 * syntax is Binance's {@code newClientOrderId}: 1 to 36 characters of letters, digits and {@code . : / _ -}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the id
 */
public record ClientOrderId(String value) {

    private static final Pattern VALID = Pattern.compile("[.A-Za-z0-9:/_-]{1,36}");

    public ClientOrderId {
        Objects.requireNonNull(value, "value");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("client order id must be 1 to 36 characters of letters, digits and "
                    + ". : / _ - but is '" + value + "'");
        }
    }

    /** The id {@code value}. */
    public static ClientOrderId of(String value) {
        return new ClientOrderId(value);
    }

    /**
     * This id followed by {@code suffix}, for orders derived from this one (the exit orders of a bracket).
     *
     * @throws IllegalArgumentException if the result is not a valid id
     */
    public ClientOrderId withSuffix(String suffix) {
        return new ClientOrderId(value + suffix);
    }

    @Override
    public String toString() {
        return value;
    }
}
