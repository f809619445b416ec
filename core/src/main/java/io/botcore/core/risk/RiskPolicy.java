package io.botcore.core.risk;

import io.botcore.core.execution.RejectReason;
import io.botcore.core.execution.Rejection;
import io.botcore.core.execution.SymbolRules;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Sizes and vets new entries; exits are never refused. The same object serves backtest, paper and live trading:
 * it is fed the account's equity ({@link #onEquity}) and closed trades ({@link #onTradeClosed}) and asked about
 * each entry ({@link #evaluateEntry}).
 *
 * <p>Checks, in this order, each refusal returning its reason:
 * <ol>
 *   <li>Daily loss: once equity has fallen by {@code dailyLossLimit} of its value at the start of the UTC day
 *       (the last equity seen before the day began, equity including unrealised PnL), no entries until the next
 *       UTC day, even if equity recovers.</li>
 *   <li>Cooldown: after {@code maxConsecutiveLosses} losing trades in a row (PnL &lt; 0; a trade that does not lose
 *       resets the count), no entries for {@code cooldown} from the close of the last one.</li>
 *   <li>Open positions: fewer than {@code maxOpenPositions}.</li>
 *   <li>Size: {@code equity * positionFraction}, reduced to the room under {@code equity * maxExposureFraction}
 *       and to {@code availableCash / (1 + cashReserve)}, divided by the reference price and rounded down to the
 *       step. If that is below the exchange's minimum quantity or notional, the limit that cut it is the
 *       reason.</li>
 * </ol>
 *
 * <p>Times are UTC; a backtest passes candle open times. Not thread-safe: one instance per bot, used from the
 * bot's thread.
 */
public final class RiskPolicy {

    private static final MathContext DIVISION = MathContext.DECIMAL128;

    private static final long MILLIS_PER_DAY = 86_400_000L;
    /** No UTC day: before the first equity, or never halted. */
    private static final long NO_DAY = Long.MIN_VALUE;

    private final RiskConfig config;
    /** Current UTC day, days since the epoch. */
    private long day = NO_DAY;
    private BigDecimal dayStartEquity;
    /** {@code dayStartEquity * dailyLossLimit}: the loss that halts entries today. */
    private BigDecimal dayLossLimit;
    private BigDecimal lastEquity;
    private long haltedDay = NO_DAY;
    private int consecutiveLosses;
    private Instant cooldownUntil;

    public RiskPolicy(RiskConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The limits. */
    public RiskConfig config() {
        return config;
    }

    /**
     * Records the account's equity at {@code time} (quote asset) and halts entries for the rest of the UTC day if
     * the daily loss limit is reached. Times must not go backwards.
     */
    public void onEquity(Instant time, BigDecimal equity) {
        onEquity(time.toEpochMilli(), equity);
    }

    /**
     * As {@link #onEquity(Instant, BigDecimal)} with the time in UTC epoch milliseconds: the form the backtester
     * and the paper session call once per candle, without a date object per call.
     */
    public void onEquity(long timeMillis, BigDecimal equity) {
        Objects.requireNonNull(equity, "equity");
        long today = utcDay(timeMillis);
        if (today == day && equity == lastEquity) {
            return;
        }
        if (today != day) {
            day = today;
            dayStartEquity = lastEquity != null ? lastEquity : equity;
            dayLossLimit = dayStartEquity.multiply(config.dailyLossLimit());
        }
        lastEquity = equity;
        if (dayStartEquity.signum() > 0 && today != haltedDay
                && dayStartEquity.subtract(equity).compareTo(dayLossLimit) >= 0) {
            haltedDay = today;
        }
    }

    /** Records a closed trade's PnL (quote asset, net of fees), closed at {@code time}. */
    public void onTradeClosed(Instant time, BigDecimal pnl) {
        Objects.requireNonNull(time, "time");
        if (pnl.signum() >= 0) {
            consecutiveLosses = 0;
            return;
        }
        consecutiveLosses++;
        if (consecutiveLosses >= config.maxConsecutiveLosses()) {
            cooldownUntil = time.plus(config.cooldown());
            consecutiveLosses = 0;
        }
    }

    /** Whether the daily loss limit halts entries at {@code time}. */
    public boolean isHalted(Instant time) {
        return haltedDay != NO_DAY && utcDay(time.toEpochMilli()) == haltedDay;
    }

    /** End of the current cooldown, if one was ever started. */
    public Optional<Instant> cooldownUntil() {
        return Optional.ofNullable(cooldownUntil);
    }

    /**
     * Whether, and how large, an entry in {@code rules.symbol()} at reference price {@code price} (quote asset) may
     * be made at {@code time}. The snapshot's equity is recorded as by {@link #onEquity}.
     */
    public RiskDecision evaluateEntry(Instant time, SymbolRules rules, BigDecimal price, AccountSnapshot account) {
        onEquity(time, account.equity());
        if (isHalted(time)) {
            return new RiskDecision.Refused(RefusalReason.DAILY_LOSS_LIMIT, "daily loss limit "
                    + config.dailyLossLimit().toPlainString() + " of day-start equity " + dayStartEquity.toPlainString()
                    + " reached on " + LocalDate.ofEpochDay(haltedDay) + "; entries resume "
                    + LocalDate.ofEpochDay(haltedDay + 1) + "T00:00Z");
        }
        if (cooldownUntil != null && time.isBefore(cooldownUntil)) {
            return new RiskDecision.Refused(RefusalReason.COOLDOWN, config.maxConsecutiveLosses()
                    + " losing trades in a row; entries resume " + cooldownUntil);
        }
        if (account.openPositions() >= config.maxOpenPositions()) {
            return new RiskDecision.Refused(RefusalReason.MAX_OPEN_POSITIONS, account.openPositions()
                    + " positions open or being entered, max " + config.maxOpenPositions());
        }
        return size(rules, price, account);
    }

    private RiskDecision size(SymbolRules rules, BigDecimal price, AccountSnapshot account) {
        BigDecimal equity = account.equity();
        BigDecimal notional = equity.multiply(config.positionFraction());
        RefusalReason limit = RefusalReason.BELOW_MIN_SIZE;
        BigDecimal room = equity.multiply(config.maxExposureFraction()).subtract(account.exposure());
        if (room.compareTo(notional) < 0) {
            notional = room;
            limit = RefusalReason.MAX_EXPOSURE;
        }
        BigDecimal affordable = account.availableCash().divide(BigDecimal.ONE.add(config.cashReserve()), DIVISION);
        if (affordable.compareTo(notional) < 0) {
            notional = affordable;
            limit = RefusalReason.INSUFFICIENT_CASH;
        }
        BigDecimal quantity = notional.signum() <= 0 ? BigDecimal.ZERO
                : rules.roundQuantity(notional.divide(price, DIVISION));
        Optional<Rejection> tooSmall = quantity.signum() == 0
                ? Optional.of(new Rejection(RejectReason.BELOW_MIN_QUANTITY,
                        rules.symbol() + " quantity rounds to 0"))
                : rules.checkQuantity(quantity).or(() -> rules.checkMinNotional(price, quantity));
        if (tooSmall.isPresent()) {
            return new RiskDecision.Refused(limit, "size " + notional.round(MathContext.DECIMAL64).toPlainString()
                    + " at " + price.toPlainString() + ": " + tooSmall.get().message());
        }
        return new RiskDecision.Approved(quantity, quantity.multiply(price));
    }

    private static long utcDay(long timeMillis) {
        return Math.floorDiv(timeMillis, MILLIS_PER_DAY);
    }
}
