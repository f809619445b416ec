package io.botcore.engine.trading;

import io.botcore.core.backtest.BacktestConfig;
import io.botcore.core.execution.ExitBracket;
import io.botcore.core.market.Interval;
import io.botcore.core.risk.RiskConfig;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A user's bot as stored in {@code bots}: a strategy with its parameters trading some symbols on paper under risk
 * limits, and where its current run stands.
 *
 * @param id             short id, also the prefix of its client order ids
 * @param userId         owner
 * @param name           the owner's name for it
 * @param strategy       strategy name from the catalogue
 * @param params         strategy parameters ({@code period=14})
 * @param symbols        symbols traded, in the order their candles are processed
 * @param interval       candle interval
 * @param mode           {@code paper}
 * @param risk           risk limits and protective exits
 * @param initialBalance quote asset the bot started with
 * @param status         {@code running} or {@code stopped}
 * @param stopRequested  a stop (or the kill switch) was asked for and is being carried out
 * @param stopReason     why it was stopped, for people
 * @param run            the current or last run; {@code null} before the first start
 * @param createdAt      creation time
 */
public record Bot(String id, String userId, String name, String strategy, Map<String, String> params,
        List<String> symbols, Interval interval, String mode, Risk risk, BigDecimal initialBalance, String status,
        boolean stopRequested, String stopReason, Run run, Instant createdAt) {

    public static final String RUNNING = "running";
    public static final String STOPPED = "stopped";

    public Bot {
        params = Map.copyOf(params);
        symbols = List.copyOf(symbols);
    }

    public boolean running() {
        return RUNNING.equals(status);
    }

    /** The backtest/paper configuration of the current run. */
    public BacktestConfig config() {
        return BacktestConfig.defaults().withInitialCash(run.initialCash())
                .withRisk(RiskConfig.defaults().withPositionFraction(risk.positionFraction())
                        .withMaxOpenPositions(risk.maxOpenPositions())
                        .withMaxExposureFraction(risk.maxExposure())
                        .withDailyLossLimit(risk.dailyLossLimit()))
                .withExits(new ExitBracket(risk.stopLoss(), risk.takeProfit(), risk.trailingStop()));
    }

    /** Prefix of the client order ids of the current run: unique per bot and run. */
    public String orderIdPrefix() {
        return id + ".r" + run.number();
    }

    /**
     * Risk limits of a bot (fractions of equity) and the protective exits attached to every entry (fractions of
     * the entry price; {@code null} for none).
     */
    public record Risk(BigDecimal positionFraction, int maxOpenPositions, BigDecimal maxExposure,
            BigDecimal dailyLossLimit, BigDecimal stopLoss, BigDecimal takeProfit, BigDecimal trailingStop) {
    }

    /**
     * One run of a bot, from a start to a stop.
     *
     * @param number      1 for the first run
     * @param startAfter  open time of the newest stored candle when the run started: the run trades the candles
     *                    after it, and its strategies warm up on those up to it
     * @param initialCash quote asset at the start of the run (the previous run's final cash)
     * @param startedAt   wall-clock start
     */
    public record Run(int number, long startAfter, BigDecimal initialCash, Instant startedAt) {
    }
}
