package io.botcore.core.execution;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The state of one order at one moment. Every change ({@link #accepted()}, {@link #filled}, {@link
 * #canceled()}, ...) returns a new snapshot and moves {@link #status()} through {@link
 * OrderStatus#transitionTo}, which refuses an illegal step; there are no setters.
 *
 * <p>Immutable and thread-safe.
 *
 * @param request        the command as placed (its quantity may grow if a bracket exit is amended)
 * @param status         life-cycle status
 * @param filledQuantity base asset filled so far
 * @param filledNotional sum of price times quantity of the fills so far, quote asset
 * @param stopPrice      the current trigger price of a STOP_MARKET order (it moves when trailing), else
 *                       {@code null}
 * @param triggered      whether a STOP_MARKET order has been triggered and now executes as a market order
 * @param rejection      why the order was rejected or expired, else {@code null}
 */
public record Order(OrderRequest request, OrderStatus status, BigDecimal filledQuantity, BigDecimal filledNotional,
        BigDecimal stopPrice, boolean triggered, Rejection rejection) {

    public Order {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(status, "status");
        Decimals.requireNonNegative("filledQuantity", filledQuantity);
        Decimals.requireNonNegative("filledNotional", filledNotional);
        if (filledQuantity.compareTo(request.quantity()) > 0) {
            throw new IllegalArgumentException("filledQuantity " + filledQuantity.toPlainString()
                    + " exceeds the order quantity " + request.quantity().toPlainString());
        }
    }

    /** A new order for {@code request}, not yet acknowledged. */
    public static Order pending(OrderRequest request) {
        return new Order(request, OrderStatus.PENDING_NEW, BigDecimal.ZERO, BigDecimal.ZERO, request.stopPrice(),
                false, null);
    }

    /** Client order id. */
    public ClientOrderId id() {
        return request.id();
    }

    /** Instrument. */
    public Symbol symbol() {
        return request.symbol();
    }

    /** Buy or sell. */
    public OrderSide side() {
        return request.side();
    }

    /** Order type. */
    public OrderType type() {
        return request.type();
    }

    /** Whether it can still fill. */
    public boolean isOpen() {
        return status.isOpen();
    }

    /** Base asset still to fill. */
    public BigDecimal remainingQuantity() {
        return request.quantity().subtract(filledQuantity);
    }

    /** Volume-weighted average fill price, or zero before the first fill. */
    public BigDecimal averagePrice() {
        return filledQuantity.signum() == 0 ? BigDecimal.ZERO : filledNotional.divide(filledQuantity,
                Decimals.DIVISION);
    }

    /** Acknowledged by the exchange. */
    public Order accepted() {
        return withStatus(status.transitionTo(OrderStatus.NEW), rejection);
    }

    /** Refused by the exchange for {@code why}. */
    public Order rejected(Rejection why) {
        return withStatus(status.transitionTo(OrderStatus.REJECTED), Objects.requireNonNull(why, "why"));
    }

    /** Cancelled. */
    public Order canceled() {
        return withStatus(status.transitionTo(OrderStatus.CANCELED), rejection);
    }

    /** Ended by the exchange for {@code why}. */
    public Order expired(Rejection why) {
        return withStatus(status.transitionTo(OrderStatus.EXPIRED), Objects.requireNonNull(why, "why"));
    }

    /**
     * After a fill of {@code quantity} at {@code price}: {@link OrderStatus#FILLED} when nothing remains, else
     * {@link OrderStatus#PARTIALLY_FILLED}.
     *
     * @throws IllegalArgumentException if {@code quantity} exceeds what remains
     */
    public Order filled(BigDecimal quantity, BigDecimal price) {
        Decimals.requirePositive("quantity", quantity);
        BigDecimal total = filledQuantity.add(quantity);
        if (total.compareTo(request.quantity()) > 0) {
            throw new IllegalArgumentException("fill of " + quantity.toPlainString() + " exceeds the remaining "
                    + remainingQuantity().toPlainString() + " of order " + id());
        }
        OrderStatus next = total.compareTo(request.quantity()) == 0 ? OrderStatus.FILLED
                : OrderStatus.PARTIALLY_FILLED;
        return new Order(request, status.transitionTo(next), total, filledNotional.add(price.multiply(quantity)),
                stopPrice, triggered, rejection);
    }

    /** A STOP_MARKET order whose stop was reached and that now executes as a market order. */
    public Order triggeredNow() {
        requireStop();
        return new Order(request, status, filledQuantity, filledNotional, stopPrice, true, rejection);
    }

    /** A STOP_MARKET order with its trigger moved to {@code newStopPrice}. */
    public Order withStopPrice(BigDecimal newStopPrice) {
        requireStop();
        return new Order(request, status, filledQuantity, filledNotional,
                Decimals.requirePositive("newStopPrice", newStopPrice), triggered, rejection);
    }

    /** An open order amended to a new total quantity, at least what has filled. */
    public Order withQuantity(BigDecimal quantity) {
        if (!isOpen()) {
            throw new IllegalStateException("order " + id() + " is " + status + " and cannot be amended");
        }
        return new Order(request.withQuantity(quantity), status, filledQuantity, filledNotional, stopPrice,
                triggered, rejection);
    }

    private void requireStop() {
        if (request.type() != OrderType.STOP_MARKET) {
            throw new IllegalStateException("order " + id() + " is " + request.type() + ", not STOP_MARKET");
        }
    }

    private Order withStatus(OrderStatus next, Rejection why) {
        return new Order(request, next, filledQuantity, filledNotional, stopPrice, triggered, why);
    }
}
