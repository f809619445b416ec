package io.botcore.exchange;

import java.time.Duration;

/**
 * The exchange answered 429: too many requests. Transient: wait {@link #retryAfter()} and try again.
 */
public final class RateLimitedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
