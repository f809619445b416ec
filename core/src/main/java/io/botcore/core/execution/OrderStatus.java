package io.botcore.core.execution;

import java.util.EnumSet;
import java.util.Set;

/**
 * Life cycle of an order as a state machine; {@link #transitionTo(OrderStatus)} is the only way to move and it
 * refuses an illegal step.
 *
 * <pre>
 * PENDING_NEW ─┬─&gt; NEW ─┬─&gt; PARTIALLY_FILLED ─┬─&gt; FILLED
 *              │        │    (repeats)          ├─&gt; CANCELED
 *              └─&gt; REJECTED ├─&gt; FILLED           └─&gt; EXPIRED
 *                       ├─&gt; CANCELED
 *                       └─&gt; EXPIRED
 * </pre>
 *
 * FILLED, CANCELED, REJECTED and EXPIRED are terminal.
 *
 * <p>Immutable and thread-safe.
 */
public enum OrderStatus {
    /** Created with its client order id, not yet acknowledged by the exchange. */
    PENDING_NEW,
    /** Accepted and open, nothing filled. */
    NEW,
    /** Open with part of its quantity filled. */
    PARTIALLY_FILLED,
    /** Completely filled. */
    FILLED,
    /** Cancelled before it was completely filled. */
    CANCELED,
    /** Refused by the exchange; nothing was filled. */
    REJECTED,
    /** Ended by the exchange (for example for lack of funds at fill time) before it was completely filled. */
    EXPIRED;

    private Set<OrderStatus> successors() {
        return switch (this) {
            case PENDING_NEW -> EnumSet.of(NEW, REJECTED);
            case NEW, PARTIALLY_FILLED -> EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED);
            case FILLED, CANCELED, REJECTED, EXPIRED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    /** Whether an order in this status may move to {@code next}. */
    public boolean canTransitionTo(OrderStatus next) {
        return successors().contains(next);
    }

    /**
     * {@code next}, if an order in this status may move there.
     *
     * @throws IllegalStateException naming both statuses if it may not
     */
    public OrderStatus transitionTo(OrderStatus next) {
        if (!canTransitionTo(next)) {
            throw new IllegalStateException("illegal order status transition " + this + " -> " + next);
        }
        return next;
    }

    /** Whether the order can still fill: {@link #NEW} or {@link #PARTIALLY_FILLED}. */
    public boolean isOpen() {
        return this == NEW || this == PARTIALLY_FILLED;
    }

    /** Whether no further transition is possible. */
    public boolean isTerminal() {
        return successors().isEmpty();
    }
}
