package io.botcore.exchange.binance;

import java.time.Instant;
import java.util.List;

/**
 * What {@link BinanceExchange#reconcile()} found: every difference between what the adapter believes (open
 * orders, fills booked, balances moved by them) and what Binance reports. An empty list means they agree.
 *
 * <p>Immutable and thread-safe.
 *
 * @param at          when the exchange was asked
 * @param differences each mismatch, orders first, then balances
 */
public record Reconciliation(Instant at, List<Difference> differences) {

    public Reconciliation {
        differences = List.copyOf(differences);
    }

    /** Whether our records and the exchange agree. */
    public boolean clean() {
        return differences.isEmpty();
    }

    /** The kinds of mismatch. */
    public enum Kind {
        /** An order open on the exchange that we did not place or do not know. */
        UNKNOWN_OPEN_ORDER,
        /** An order we hold open whose status or filled quantity on the exchange is different. */
        ORDER_STATE,
        /** An order whose placement is still in doubt (sent, outcome unknown). */
        IN_DOUBT,
        /** A balance (free plus locked) that differs from what our fills explain. */
        BALANCE
    }

    /**
     * One mismatch.
     *
     * @param kind     what kind
     * @param subject  the client order id or the asset
     * @param ours     what we hold, e.g. {@code NEW filled 0}
     * @param exchange what the exchange reports
     */
    public record Difference(Kind kind, String subject, String ours, String exchange) {
    }
}
