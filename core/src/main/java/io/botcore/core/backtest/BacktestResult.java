package io.botcore.core.backtest;

import io.botcore.core.execution.LedgerEntry;
import io.botcore.core.execution.RejectReason;
import io.botcore.core.execution.Symbol;
import io.botcore.core.risk.RefusalReason;
import io.botcore.core.trading.Trade;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a backtest produced.
 *
 * <p>Immutable and thread-safe.
 *
 * @param trades             closed trades, in the order they closed
 * @param fills              every fill as the ledger booked it, with its fee
 * @param equityCurve        equity after every candle
 * @param metrics            performance
 * @param buyAndHold         the benchmark of each symbol, in the order the markets were given
 * @param riskRefusals       entries the risk policy refused, by reason
 * @param exchangeRejections orders the exchange rejected or expired, by reason
 */
public record BacktestResult(List<Trade> trades, List<LedgerEntry> fills, EquityCurve equityCurve,
        PerformanceMetrics metrics, Map<Symbol, BuyAndHold> buyAndHold, Map<RefusalReason, Integer> riskRefusals,
        Map<RejectReason, Integer> exchangeRejections) {

    public BacktestResult {
        trades = List.copyOf(trades);
        fills = List.copyOf(fills);
        Objects.requireNonNull(equityCurve, "equityCurve");
        Objects.requireNonNull(metrics, "metrics");
        buyAndHold = Collections.unmodifiableMap(new LinkedHashMap<>(buyAndHold));
        riskRefusals = Collections.unmodifiableMap(riskRefusals.isEmpty() ? Map.of()
                : new EnumMap<>(riskRefusals));
        exchangeRejections = Collections.unmodifiableMap(exchangeRejections.isEmpty() ? Map.of()
                : new EnumMap<>(exchangeRejections));
    }

    /** The benchmark of the only (or first) symbol. */
    public BuyAndHold buyAndHoldOfFirst() {
        return buyAndHold.values().iterator().next();
    }
}
