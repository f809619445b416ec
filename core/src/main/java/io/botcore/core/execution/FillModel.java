package io.botcore.core.execution;

import io.botcore.core.market.Candle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * The one fill model: decides whether, when and at what price an order executes inside a candle, and what that
 * costs. The {@link SimulatedExchange} uses it for backtests and for paper trading alike.
 *
 * <p><b>When an order executes</b> (a candle has open O, high H, low L; see {@link BarPhase}):
 * <ul>
 *   <li>MARKET, and a STOP_MARKET triggered in an earlier bar: at the open, reference price O. Orders are only
 *       ever evaluated on candles that start after they were placed, so a signal at a candle's close fills no
 *       earlier than the next candle's open.</li>
 *   <li>STOP_MARKET sell at S: if O &lt;= S the market gapped through the stop and it fills at O, not at S;
 *       else if L &lt;= S it fills at S. A buy stop mirrors this with H. A touch triggers.</li>
 *   <li>LIMIT buy at X: only if the candle trades through it (L &lt; X; O &lt; X counts as at the open), and
 *       always at X, never better, as a maker. A touch does not fill (the order may be behind the queue). A
 *       sell mirrors this with H.</li>
 * </ul>
 *
 * <p><b>Taker price.</b> From reference price P, quantity q and candle volume V, with participation
 * {@code p = min(1, q / V)} ({@code p = 1} when V = 0), the adverse move is
 * <pre>
 *   a = spreadBps / 20000 + slippageBps / 10000 + impactCoefficient * p
 * </pre>
 * and the price is {@code P * (1 + a)} rounded up to the tick for a buy, {@code P * (1 - a)} rounded down for a
 * sell: half the spread, a fixed slippage, and an impact linear in the share of the candle's volume taken.
 * Maker fills pay none of these.
 *
 * <p><b>Fee</b>: {@code price * quantity * rate}, the maker or taker rate, quote asset, unrounded.
 *
 * <p><b>Volume</b>: the orders of one symbol fill at most {@code maxVolumeShare * V} (rounded down to the step)
 * in one candle; what is left of an order waits for the next candle.
 *
 * <p>Immutable and thread-safe.
 */
public final class FillModel {

    private static final BigDecimal HALF_SPREAD_DIVISOR = new BigDecimal("20000");
    private static final BigDecimal BPS_DIVISOR = new BigDecimal("10000");

    private final FillModelConfig config;
    private final BigDecimal fixedAdverse;

    public FillModel(FillModelConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.fixedAdverse = config.spreadBps().divide(HALF_SPREAD_DIVISOR, Decimals.DIVISION)
                .add(config.slippageBps().divide(BPS_DIVISOR, Decimals.DIVISION));
    }

    /** The configuration. */
    public FillModelConfig config() {
        return config;
    }

    /** Whether, when and at what reference price the open {@code order} executes in {@code bar}. */
    public Optional<Trigger> trigger(Order order, Candle bar) {
        if (!order.isOpen()) {
            return Optional.empty();
        }
        BigDecimal open = BigDecimal.valueOf(bar.open());
        return switch (order.type()) {
            case MARKET -> Optional.of(new Trigger(BarPhase.OPEN, open, Liquidity.TAKER));
            case STOP_MARKET -> order.triggered() ? Optional.of(new Trigger(BarPhase.OPEN, open, Liquidity.TAKER))
                    : stopTrigger(order.side(), order.stopPrice(), open, bar);
            case LIMIT -> limitTrigger(order.side(), order.request().limitPrice(), open, bar);
        };
    }

    /**
     * Whether the exit {@code order}, placed for an entry that filled inside {@code bar} (not at its open),
     * executes later in the same candle. Only a stop can: it fires at its stop price if the candle's low (sell)
     * or high (buy) reached it, assuming conservatively that the extreme came after the entry. A limit never
     * does, since it is unknown whether the favourable extreme came after the entry.
     */
    public Optional<Trigger> triggerAfterEntryInside(Order order, Candle bar) {
        if (!order.isOpen() || order.type() != OrderType.STOP_MARKET) {
            return Optional.empty();
        }
        boolean sell = order.side() == OrderSide.SELL;
        BigDecimal stop = order.stopPrice();
        BigDecimal extreme = BigDecimal.valueOf(sell ? bar.low() : bar.high());
        boolean reached = sell ? extreme.compareTo(stop) <= 0 : extreme.compareTo(stop) >= 0;
        return reached ? Optional.of(new Trigger(BarPhase.STOP, stop, Liquidity.TAKER)) : Optional.empty();
    }

    private static Optional<Trigger> stopTrigger(OrderSide side, BigDecimal stop, BigDecimal open, Candle bar) {
        boolean sell = side == OrderSide.SELL;
        if (sell ? open.compareTo(stop) <= 0 : open.compareTo(stop) >= 0) {
            return Optional.of(new Trigger(BarPhase.OPEN, open, Liquidity.TAKER));
        }
        BigDecimal extreme = BigDecimal.valueOf(sell ? bar.low() : bar.high());
        if (sell ? extreme.compareTo(stop) <= 0 : extreme.compareTo(stop) >= 0) {
            return Optional.of(new Trigger(BarPhase.STOP, stop, Liquidity.TAKER));
        }
        return Optional.empty();
    }

    private static Optional<Trigger> limitTrigger(OrderSide side, BigDecimal limit, BigDecimal open, Candle bar) {
        boolean buy = side == OrderSide.BUY;
        if (buy ? open.compareTo(limit) < 0 : open.compareTo(limit) > 0) {
            return Optional.of(new Trigger(BarPhase.OPEN, limit, Liquidity.MAKER));
        }
        BigDecimal extreme = BigDecimal.valueOf(buy ? bar.low() : bar.high());
        if (buy ? extreme.compareTo(limit) < 0 : extreme.compareTo(limit) > 0) {
            return Optional.of(new Trigger(BarPhase.LIMIT, limit, Liquidity.MAKER));
        }
        return Optional.empty();
    }

    /** Base asset the orders of one symbol may fill in {@code bar}: {@code maxVolumeShare * volume}, down to the step. */
    public BigDecimal volumeCap(Candle bar, SymbolRules rules) {
        return rules.roundQuantity(config.maxVolumeShare().multiply(BigDecimal.valueOf(bar.volume())));
    }

    /**
     * The fill of {@code quantity} (already within the volume cap) of a {@code side} order that {@code trigger}
     * executes in a candle of {@code barVolume} (base asset).
     */
    public Execution execute(OrderSide side, Trigger trigger, BigDecimal quantity, BigDecimal barVolume,
            SymbolRules rules) {
        BigDecimal price = trigger.liquidity() == Liquidity.MAKER ? trigger.referencePrice()
                : takerPrice(side, trigger.referencePrice(), quantity, barVolume, rules);
        BigDecimal fee = config.fees().fee(price.multiply(quantity), trigger.liquidity());
        return new Execution(price, quantity, fee, trigger.liquidity());
    }

    /**
     * The price a taker pays (buy) or receives (sell) for {@code quantity} at {@code reference} in a candle of
     * {@code barVolume}: see the class description.
     */
    public BigDecimal takerPrice(OrderSide side, BigDecimal reference, BigDecimal quantity, BigDecimal barVolume,
            SymbolRules rules) {
        BigDecimal participation = barVolume.signum() == 0 ? BigDecimal.ONE
                : quantity.divide(barVolume, Decimals.DIVISION).min(BigDecimal.ONE);
        BigDecimal adverse = fixedAdverse.add(config.impactCoefficient().multiply(participation));
        if (side == OrderSide.BUY) {
            return rules.roundPrice(reference.multiply(BigDecimal.ONE.add(adverse)), RoundingMode.CEILING);
        }
        BigDecimal price = rules.roundPrice(reference.multiply(BigDecimal.ONE.subtract(adverse)), RoundingMode.FLOOR);
        return price.signum() > 0 ? price : rules.tickSize();
    }
}
