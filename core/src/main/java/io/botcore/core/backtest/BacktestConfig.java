package io.botcore.core.backtest;

import io.botcore.core.execution.ExitBracket;
import io.botcore.core.execution.FillModelConfig;
import io.botcore.core.risk.RiskConfig;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Everything a backtest needs besides the markets.
 *
 * <p>Immutable and thread-safe.
 *
 * @param initialCash quote asset at the start, {@code > 0}
 * @param fillModel   costs and volume limits of the simulated exchange
 * @param risk        limits of the risk policy
 * @param exits       protective exits attached to every entry ({@link ExitBracket#NONE} for none)
 */
public record BacktestConfig(BigDecimal initialCash, FillModelConfig fillModel, RiskConfig risk, ExitBracket exits) {

    public BacktestConfig {
        Objects.requireNonNull(initialCash, "initialCash");
        if (initialCash.signum() <= 0) {
            throw new IllegalArgumentException("initialCash must be > 0 but is " + initialCash.toPlainString());
        }
        Objects.requireNonNull(fillModel, "fillModel");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(exits, "exits");
    }

    /** 10 000 quote asset, the default fill model and risk limits, no protective exits. */
    public static BacktestConfig defaults() {
        return new BacktestConfig(new BigDecimal("10000"), FillModelConfig.defaults(), RiskConfig.defaults(),
                ExitBracket.NONE);
    }

    /** This configuration with other starting cash. */
    public BacktestConfig withInitialCash(BigDecimal value) {
        return new BacktestConfig(value, fillModel, risk, exits);
    }

    /** This configuration with another fill model. */
    public BacktestConfig withFillModel(FillModelConfig value) {
        return new BacktestConfig(initialCash, value, risk, exits);
    }

    /** This configuration with other risk limits. */
    public BacktestConfig withRisk(RiskConfig value) {
        return new BacktestConfig(initialCash, fillModel, value, exits);
    }

    /** This configuration with other protective exits. */
    public BacktestConfig withExits(ExitBracket value) {
        return new BacktestConfig(initialCash, fillModel, risk, value);
    }
}
