package io.botcore.core.execution;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The command to place one order. The client order id is fixed here, before the order is sent.
 *
 * <p>Which optional parts a type allows: {@link OrderType#MARKET} has neither price; {@link OrderType#LIMIT}
 * has {@code limitPrice}; {@link OrderType#STOP_MARKET} has {@code stopPrice} and may have a
 * {@code trailingDistance}. An order either opens or adds to a position (it may then carry a non-empty
 * {@code bracket}) or closes one (it then carries its {@code exitReason}); never both.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id               client order id
 * @param symbol           instrument
 * @param side             buy or sell
 * @param type             market, limit or stop-market
 * @param quantity         base asset, {@code > 0}
 * @param limitPrice       quote asset, for LIMIT only, else {@code null}
 * @param stopPrice        trigger price in the quote asset, for STOP_MARKET only, else {@code null}
 * @param trailingDistance for a trailing STOP_MARKET, its distance from the best price as a fraction in (0, 1),
 *                         else {@code null}
 * @param bracket          exits placed when this order fills; {@link ExitBracket#NONE} for none
 * @param exitReason       why this order closes a position, or {@code null} if it opens or adds to one
 */
public record OrderRequest(ClientOrderId id, Symbol symbol, OrderSide side, OrderType type, BigDecimal quantity,
        BigDecimal limitPrice, BigDecimal stopPrice, BigDecimal trailingDistance, ExitBracket bracket,
        ExitReason exitReason) {

    /** Longest client order id of an order with a bracket: 36 less the 3 of the exits' suffixes. */
    public static final int MAX_BRACKET_ID_LENGTH = 33;

    public OrderRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Decimals.requirePositive("quantity", quantity);
        Objects.requireNonNull(bracket, "bracket");
        requirePresentOnlyFor(type == OrderType.LIMIT, "limitPrice", limitPrice, type);
        requirePresentOnlyFor(type == OrderType.STOP_MARKET, "stopPrice", stopPrice, type);
        if (limitPrice != null) {
            Decimals.requirePositive("limitPrice", limitPrice);
        }
        if (stopPrice != null) {
            Decimals.requirePositive("stopPrice", stopPrice);
        }
        if (trailingDistance != null && type != OrderType.STOP_MARKET) {
            throw new IllegalArgumentException("trailingDistance is for STOP_MARKET orders, not " + type);
        }
        Decimals.requireFractionOrNull("trailingDistance", trailingDistance);
        if (!bracket.isEmpty() && id.value().length() > MAX_BRACKET_ID_LENGTH) {
            throw new IllegalArgumentException("an order with an exit bracket needs a client order id of at most "
                    + MAX_BRACKET_ID_LENGTH + " characters, so its exits can be named <id>-sl and <id>-tp, but '"
                    + id + "' has " + id.value().length());
        }
        if (exitReason != null && !bracket.isEmpty()) {
            throw new IllegalArgumentException("an order closing a position (" + exitReason
                    + ") cannot carry an exit bracket");
        }
    }

    private static void requirePresentOnlyFor(boolean required, String name, BigDecimal value, OrderType type) {
        if (required && value == null) {
            throw new IllegalArgumentException(type + " order needs " + name);
        }
        if (!required && value != null) {
            throw new IllegalArgumentException(type + " order cannot have " + name);
        }
    }

    /** A market order. */
    public static OrderRequest market(ClientOrderId id, Symbol symbol, OrderSide side, BigDecimal quantity) {
        return new OrderRequest(id, symbol, side, OrderType.MARKET, quantity, null, null, null, ExitBracket.NONE,
                null);
    }

    /** A limit order at {@code limitPrice}. */
    public static OrderRequest limit(ClientOrderId id, Symbol symbol, OrderSide side, BigDecimal quantity,
            BigDecimal limitPrice) {
        return new OrderRequest(id, symbol, side, OrderType.LIMIT, quantity, limitPrice, null, null,
                ExitBracket.NONE, null);
    }

    /** A stop-market order triggered at {@code stopPrice}. */
    public static OrderRequest stopMarket(ClientOrderId id, Symbol symbol, OrderSide side, BigDecimal quantity,
            BigDecimal stopPrice) {
        return new OrderRequest(id, symbol, side, OrderType.STOP_MARKET, quantity, null, stopPrice, null,
                ExitBracket.NONE, null);
    }

    /** This request with protective exits placed once it fills. */
    public OrderRequest withBracket(ExitBracket exits) {
        return new OrderRequest(id, symbol, side, type, quantity, limitPrice, stopPrice, trailingDistance, exits,
                exitReason);
    }

    /** This request marked as closing a position for {@code reason}. */
    public OrderRequest withExitReason(ExitReason reason) {
        return new OrderRequest(id, symbol, side, type, quantity, limitPrice, stopPrice, trailingDistance, bracket,
                reason);
    }

    /** This stop request trailing the best price by {@code distance}. */
    public OrderRequest withTrailingDistance(BigDecimal distance) {
        return new OrderRequest(id, symbol, side, type, quantity, limitPrice, stopPrice, distance, bracket,
                exitReason);
    }

    /** This request for another quantity. */
    public OrderRequest withQuantity(BigDecimal newQuantity) {
        return new OrderRequest(id, symbol, side, type, newQuantity, limitPrice, stopPrice, trailingDistance,
                bracket, exitReason);
    }
}
