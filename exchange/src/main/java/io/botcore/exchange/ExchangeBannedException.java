package io.botcore.exchange;

import java.time.Instant;

/**
 * The exchange answered 418: this IP is banned for ignoring 429s. Fatal for now: stop calling until
 * {@link #until()} (further calls would lengthen the ban) and alert an operator.
 */
public final class ExchangeBannedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Instant until;

    public ExchangeBannedException(String message, Instant until) {
        super(message);
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
