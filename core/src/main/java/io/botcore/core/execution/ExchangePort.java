package io.botcore.core.execution;

import java.util.List;
import java.util.Optional;

/**
 * Where orders go. Backtest and paper trading plug in the {@link SimulatedExchange}; live trading plugs in an
 * exchange adapter. A refusal is a normal outcome returned in the order's state ({@link OrderStatus#REJECTED}
 * with a {@link Rejection}), never an exception.
 *
 * <p>Implementations say how they may be called from several threads.
 */
public interface ExchangePort {

    /**
     * Places an order. Placing the same request with the same client order id again returns the order as it is
     * and places nothing; another request with a used id is rejected.
     *
     * @return the order as accepted ({@link OrderStatus#NEW}) or rejected
     */
    Order submit(OrderRequest request);

    /**
     * Cancels an open order.
     *
     * @return the order after the cancellation, unchanged if it had already ended, empty for an unknown id
     */
    Optional<Order> cancel(ClientOrderId id);

    /** The current state of an order, if the id is known. */
    Optional<Order> order(ClientOrderId id);

    /** The open orders of {@code symbol}, in the order they were placed. */
    List<Order> openOrders(Symbol symbol);

    /** Adds a listener for fills and order updates. */
    void addListener(ExecutionListener listener);
}
