package io.botcore.core.execution;

/**
 * Receives what happens to orders at an {@link ExchangePort}: each fill, then the order's new state. A listener
 * is called on the thread that drives the exchange (for the simulated exchange, the caller of {@code onBar});
 * it must not submit or cancel orders from inside a callback.
 */
public interface ExecutionListener {

    /** A fill of one of the orders. */
    void onFill(Fill fill);

    /** The new state of an order: accepted, rejected, filled, cancelled, expired, or a moved trailing stop. */
    default void onOrderUpdate(Order order) {
    }
}
