package io.botcore.core.backtest;

import static io.botcore.core.backtest.BacktestFixtures.HOUR;
import static io.botcore.core.backtest.BacktestFixtures.T0;
import static io.botcore.core.backtest.BacktestFixtures.hourly;
import static io.botcore.core.backtest.BacktestFixtures.ohlcv;
import static io.botcore.core.backtest.BacktestFixtures.scripted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.botcore.core.execution.ExitBracket;
import io.botcore.core.execution.ExitReason;
import io.botcore.core.execution.FeeSchedule;
import io.botcore.core.execution.FillModelConfig;
import io.botcore.core.execution.SymbolRules;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.risk.RiskConfig;
import io.botcore.core.trading.Trade;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Four trades on fourteen hand-made hourly candles, every number worked out by hand below.
 *
 * <p>Setup: 10 000 USDT; fees 0.1 % maker and taker; no spread, 10 bps slippage (a taker buy pays open * 1.001
 * rounded up to the tick, a taker sell gets price * 0.999 rounded down), no impact, the whole bar volume; 50 % of
 * equity per position; exits: stop-loss 5 %, take-profit 10 %, trailing stop 8 %. Tick 0.01, step 0.001.
 * Sizing: quantity = 0.5 * equity / signal close, rounded down to the step (cash / 1.01 is always larger).
 */
class HandComputedScenarioTest {

    private static final SymbolRules RULES = SymbolRules.of("BTCUSDT", "0.01", "0.001", "0.001", "10");
    private static final double V = 1_000_000;

    private static final CandleSeries CANDLES = hourly(
            ohlcv(100, 101, 99, 100, V),   // 0  buy signal at the close 100
            ohlcv(100, 103, 99, 102, V),   // 1  A: entry at the open
            ohlcv(102, 111, 101, 110, V),  // 2  A: high 111 > take-profit 110.11
            ohlcv(110, 111, 109, 110, V),  // 3  buy signal at the close 110
            ohlcv(110, 116, 109, 115, V),  // 4  B: entry at the open; best 116 -> stop 106.72
            ohlcv(115, 118, 112, 117, V),  // 5  B: low 112 > 106.72; best 118 -> stop 108.56
            ohlcv(116, 116, 107, 108, V),  // 6  B: low 107 <= 108.56: trailing stop
            ohlcv(108, 109, 107, 108, V),  // 7  buy signal at the close 108
            ohlcv(108, 109, 106, 107, V),  // 8  C: entry at the open
            ohlcv(107, 120, 102, 105, V),  // 9  C: low 102 <= stop 102.70 and high 120 > take-profit 118.93
            ohlcv(105, 106, 104, 105, V),  // 10 buy signal at the close 105
            ohlcv(105, 107, 104, 106, V),  // 11 D: entry at the open; sell signal at the close
            ohlcv(106, 107, 105, 106, V),  // 12 D: exit at the open
            ohlcv(106, 107, 105, 106, V)); // 13

    private static final BacktestConfig CONFIG = new BacktestConfig(new BigDecimal("10000"),
            FillModelConfig.frictionless().withFees(FeeSchedule.binanceSpot())
                    .withSpreadAndSlippage(BigDecimal.ZERO, new BigDecimal("10")),
            RiskConfig.defaults().withPositionFraction(new BigDecimal("0.5")),
            new ExitBracket(new BigDecimal("0.05"), new BigDecimal("0.10"), new BigDecimal("0.08")));

    private static final BacktestResult RESULT = new Backtester(CONFIG)
            .run(scripted(List.of(0, 3, 7, 10), List.of(11)), RULES, CANDLES);

    private static Instant hour(int index) {
        return Instant.ofEpochMilli(T0 + index * HOUR);
    }

    private static void assertTrade(Trade trade, int entryBar, String entryPrice, int exitBar, String exitPrice,
            String quantity, String fees, String pnl, ExitReason reason) {
        assertThat(trade.entryTime()).isEqualTo(hour(entryBar));
        assertThat(trade.entryPrice()).isEqualByComparingTo(entryPrice);
        assertThat(trade.exitTime()).isEqualTo(hour(exitBar));
        assertThat(trade.exitPrice()).isEqualByComparingTo(exitPrice);
        assertThat(trade.quantity()).isEqualByComparingTo(quantity);
        assertThat(trade.fees()).isEqualByComparingTo(fees);
        assertThat(trade.pnl()).isEqualByComparingTo(pnl);
        assertThat(trade.exitReason()).isEqualTo(reason);
    }

    @Test
    void tradeAExitsAtTheTakeProfit() {
        // size 0.5 * 10000 / 100 = 50; entry 100 * 1.001 = 100.10; notional 5005, fee 5.005
        // exits from 100.10: stop-loss 95.095 -> 95.09, trailing 92.092 -> 92.09, take-profit 110.11
        // bar 1 best 103 -> 94.76 < 95.09: the stop stays; bar 2 high 111 > 110.11: maker fill at 110.11
        // exit notional 5505.5, fee 5.5055; pnl 5505.5 - 5005 - 5.005 - 5.5055 = 489.9895
        assertTrade(RESULT.trades().get(0), 1, "100.10", 2, "110.11", "50", "10.5105", "489.9895",
                ExitReason.TAKE_PROFIT);
    }

    @Test
    void tradeBExitsAtTheTrailingStop() {
        // cash after A: 10000 - 5005 - 5.005 + 5505.5 - 5.5055 = 10489.9895
        // size 0.5 * 10489.9895 / 110 = 47.6817.. -> 47.681; entry 110 * 1.001 = 110.11
        // notional 47.681 * 110.11 = 5250.15491, fee 5.25015491
        // exits from 110.11: stop-loss 104.60, trailing 101.30, take-profit 121.121 -> 121.13
        // after bar 4: 116 * 0.92 = 106.72; after bar 5: 118 * 0.92 = 108.56; bar 6 low 107 reaches it
        // exit 108.56 * 0.999 = 108.45144 -> 108.45; notional 5171.00445, fee 5.17100445
        // pnl 5171.00445 - 5250.15491 - 5.25015491 - 5.17100445 = -89.57161936
        assertTrade(RESULT.trades().get(1), 4, "110.11", 6, "108.45", "47.681", "10.42115936", "-89.57161936",
                ExitReason.TRAILING_STOP);
    }

    @Test
    void tradeCExitsAtTheStopLossWhenTheSameBarAlsoReachesTheTakeProfit() {
        // cash after B: 10489.9895 - 5250.15491 - 5.25015491 + 5171.00445 - 5.17100445 = 10400.41788064
        // size 0.5 * 10400.41788064 / 108 = 48.1500.. -> 48.150; entry 108 * 1.001 = 108.108 -> 108.11
        // notional 48.15 * 108.11 = 5205.4965, fee 5.2054965
        // exits from 108.11: stop-loss 102.7045 -> 102.70, take-profit 118.921 -> 118.93; bar 8 best 109 -> 100.28
        // bar 9 reaches both: the worse, the stop: 102.70 * 0.999 = 102.5973 -> 102.59
        // notional 48.15 * 102.59 = 4939.7085, fee 4.9397085; pnl 4939.7085 - 5205.4965 - 5.2054965 - 4.9397085
        assertTrade(RESULT.trades().get(2), 8, "108.11", 9, "102.59", "48.15", "10.145205", "-275.933205",
                ExitReason.STOP_LOSS);
    }

    @Test
    void tradeDExitsOnTheSellSignalAtTheNextOpen() {
        // cash after C: 10400.41788064 - 5205.4965 - 5.2054965 + 4939.7085 - 4.9397085 = 10124.48467564
        // size 0.5 * 10124.48467564 / 105 = 48.2118.. -> 48.211; entry 105 * 1.001 = 105.105 -> 105.11
        // notional 48.211 * 105.11 = 5067.45821, fee 5.06745821
        // sell signal at bar 11's close cancels the exits; bar 12 open 106 * 0.999 = 105.894 -> 105.89
        // notional 48.211 * 105.89 = 5105.06279, fee 5.10506279
        // pnl 5105.06279 - 5067.45821 - 5.06745821 - 5.10506279 = 27.432059
        assertTrade(RESULT.trades().get(3), 11, "105.11", 12, "105.89", "48.211", "10.172521", "27.432059",
                ExitReason.SIGNAL);
    }

    @Test
    void finalBalanceAndFeesAreExactToTheCent() {
        // 10124.48467564 - 5067.45821 - 5.06745821 + 5105.06279 - 5.10506279 = 10151.91673464
        // fees 10.5105 + 10.42115936 + 10.145205 + 10.172521 = 41.24938536
        // pnl 489.9895 - 89.57161936 - 275.933205 + 27.432059 = 151.91673464 = 10151.91673464 - 10000
        PerformanceMetrics metrics = RESULT.metrics();

        assertThat(RESULT.trades()).hasSize(4);
        assertThat(metrics.finalEquity()).isEqualByComparingTo("10151.91673464");
        assertThat(metrics.finalEquity().setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("10151.92");
        assertThat(metrics.feesPaid()).isEqualByComparingTo("41.24938536");
        assertThat(metrics.feesPaid().setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("41.25");
        assertThat(RESULT.trades().stream().map(Trade::pnl).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("151.91673464");
        assertThat(RESULT.fills()).hasSize(8);
        assertThat(RESULT.equityCurve().equity(13)).isEqualTo(10151.91673464);
    }

    @Test
    void tradeMetricsFollowFromTheFourTrades() {
        PerformanceMetrics metrics = RESULT.metrics();

        // wins A and D: 2 of 4; profit factor (489.9895 + 27.432059) / (89.57161936 + 275.933205)
        assertThat(metrics.trades()).isEqualTo(4);
        assertThat(metrics.winRate()).isEqualTo(0.5);
        assertThat(metrics.profitFactor()).isCloseTo(517.421559 / 365.50482436, offset(1e-12));
        // 151.91673464 / 4 = 37.97918366
        assertThat(metrics.expectancy()).isEqualByComparingTo("37.97918366");
        assertThat(metrics.totalReturn()).isCloseTo(0.015191673464, offset(1e-15));
        // in the market at the close of bars 1, 4, 5, 8, 11: 5 of 14
        assertThat(metrics.exposure()).isEqualTo(5.0 / 14);
    }

    @Test
    void everyTradeKeepsTheReasonsOfTheSignalThatOpenedIt() {
        assertThat(RESULT.trades()).extracting(t -> t.entryReasons().get(0).rule())
                .containsExactly("BUY at candle 0", "BUY at candle 3", "BUY at candle 7", "BUY at candle 10");
    }
}
