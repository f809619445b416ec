package io.botcore.exchange.binance;

import io.botcore.core.execution.OrderRequest;
import io.botcore.core.execution.RejectReason;
import io.botcore.core.execution.Rejection;
import io.botcore.core.execution.SymbolRules;

import java.util.Optional;

/**
 * Pure mappings between the core's orders and Binance's terms: the parameters of a new order, and the core's
 * rejection for each of Binance's refusals.
 */
final class BinanceAdapters {

    private BinanceAdapters() {
    }

    /** The Binance order for {@code request}: MARKET, LIMIT (GTC) or STOP_LOSS (a stop that executes at market). */
    static NewOrder newOrder(OrderRequest request) {
        return switch (request.type()) {
            case MARKET -> new NewOrder(request.symbol().value(), request.side().name(), "MARKET", null,
                    request.quantity(), null, null, request.id().value());
            case LIMIT -> new NewOrder(request.symbol().value(), request.side().name(), "LIMIT", "GTC",
                    request.quantity(), request.limitPrice(), null, request.id().value());
            case STOP_MARKET -> new NewOrder(request.symbol().value(), request.side().name(), "STOP_LOSS", null,
                    request.quantity(), null, request.stopPrice(), request.id().value());
        };
    }

    /**
     * Why this adapter does not send {@code request} at all: exit brackets and trailing stops are simulated by the
     * core's exchange but Binance spot has no equivalent order.
     */
    static Optional<Rejection> unsupported(OrderRequest request) {
        if (!request.bracket().isEmpty()) {
            return Optional.of(new Rejection(RejectReason.EXCHANGE_REFUSED, "exit brackets are not placed on Binance; "
                    + "place the exits as separate orders"));
        }
        if (request.trailingDistance() != null) {
            return Optional.of(new Rejection(RejectReason.EXCHANGE_REFUSED, "trailing stops are not placed on "
                    + "Binance by this adapter"));
        }
        return Optional.empty();
    }

    /** The core's rejection for Binance's refusal of {@code request}. */
    static Rejection rejection(BinanceApiException e, OrderRequest request, SymbolRules rules) {
        String detail = "Binance " + e.code() + ": " + e.msg();
        RejectReason reason = switch (e.code()) {
            case BinanceApiException.INVALID_SYMBOL -> RejectReason.UNKNOWN_SYMBOL;
            case BinanceApiException.FILTER_FAILURE -> filterReason(e.msg(), request, rules);
            case BinanceApiException.NEW_ORDER_REJECTED -> {
                if (e.msg().startsWith("Duplicate order")) {
                    yield RejectReason.DUPLICATE_CLIENT_ORDER_ID;
                }
                if (e.msg().contains("insufficient balance")) {
                    yield request.side().name().equals("BUY") ? RejectReason.INSUFFICIENT_FUNDS
                            : RejectReason.INSUFFICIENT_BALANCE;
                }
                yield RejectReason.EXCHANGE_REFUSED;
            }
            default -> RejectReason.EXCHANGE_REFUSED;
        };
        return new Rejection(reason, detail);
    }

    private static RejectReason filterReason(String msg, OrderRequest request, SymbolRules rules) {
        if (msg.endsWith("LOT_SIZE")) {
            return rules.checkQuantity(request.quantity()).map(Rejection::reason)
                    .orElse(RejectReason.EXCHANGE_REFUSED);
        }
        if (msg.endsWith("PRICE_FILTER")) {
            return RejectReason.PRICE_NOT_ON_TICK;
        }
        if (msg.endsWith("NOTIONAL")) {
            return RejectReason.BELOW_MIN_NOTIONAL;
        }
        return RejectReason.EXCHANGE_REFUSED;
    }
}
