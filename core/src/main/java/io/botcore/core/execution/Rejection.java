package io.botcore.core.execution;

import java.util.Objects;

/**
 * A refusal by the exchange: the reason as a closed set and a message with the numbers behind it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param reason  why
 * @param message human-readable detail, for example {@code "notional 4.9 < min notional 5"}
 */
public record Rejection(RejectReason reason, String message) {

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
