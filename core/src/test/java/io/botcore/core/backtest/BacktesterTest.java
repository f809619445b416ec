package io.botcore.core.backtest;

import static io.botcore.core.backtest.BacktestFixtures.HOUR;
import static io.botcore.core.backtest.BacktestFixtures.T0;
import static io.botcore.core.backtest.BacktestFixtures.hourly;
import static io.botcore.core.backtest.BacktestFixtures.ohlcv;
import static io.botcore.core.backtest.BacktestFixtures.scripted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.botcore.core.execution.ExitReason;
import io.botcore.core.execution.FillModelConfig;
import io.botcore.core.execution.OrderSide;
import io.botcore.core.execution.Symbol;
import io.botcore.core.execution.SymbolRules;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.risk.RefusalReason;
import io.botcore.core.risk.RiskConfig;
import io.botcore.core.trading.Trade;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktesterTest {

    private static final SymbolRules BTC = SymbolRules.of("BTCUSDT", "0.01", "0.001", "0.001", "10");
    private static final SymbolRules ETH = SymbolRules.of("ETHUSDT", "0.01", "0.001", "0.001", "10");
    private static final BacktestConfig FRICTIONLESS = BacktestConfig.defaults()
            .withFillModel(FillModelConfig.frictionless());

    /** Closes 100, 101, ...; each candle opens 0.5 below its close, so open and close always differ. */
    private static CandleSeries rising(int count) {
        double[][] rows = new double[count][];
        for (int i = 0; i < count; i++) {
            double close = 100 + i;
            rows[i] = ohlcv(close - 0.5, close + 1, close - 1, close, 1000);
        }
        return hourly(rows);
    }

    private static Instant hour(int index) {
        return Instant.ofEpochMilli(T0 + index * HOUR);
    }

    @Test
    void aSignalAtTheCloseOfCandleIFillsAtTheOpenOfCandleIPlusOne() {
        BacktestResult result = new Backtester(FRICTIONLESS).run(scripted(List.of(2), List.of(5)), BTC, rising(8));

        Trade trade = result.trades().get(0);
        // buy signal at candle 2 (close 102): filled at candle 3's open 102.5, not at 102
        assertThat(trade.entryTime()).isEqualTo(hour(3));
        assertThat(trade.entryPrice()).isEqualByComparingTo("102.5");
        // sell signal at candle 5 (close 105): filled at candle 6's open 105.5
        assertThat(trade.exitTime()).isEqualTo(hour(6));
        assertThat(trade.exitPrice()).isEqualByComparingTo("105.5");
        assertThat(result.fills()).extracting(e -> e.fill().side()).containsExactly(OrderSide.BUY, OrderSide.SELL);
    }

    @Test
    void aSignalOnTheLastCandleCannotFillAndWhatIsOpenClosesAtTheLastClose() {
        BacktestResult result = new Backtester(FRICTIONLESS).run(scripted(List.of(1, 4), List.of()), BTC, rising(5));

        // the buy at candle 1 fills at candle 2's open 101.5; the data ends: closed at candle 4's close 104
        assertThat(result.trades()).singleElement().satisfies(trade -> {
            assertThat(trade.entryPrice()).isEqualByComparingTo("101.5");
            assertThat(trade.exitTime()).isEqualTo(hour(4));
            assertThat(trade.exitPrice()).isEqualByComparingTo("104");
            assertThat(trade.exitReason()).isEqualTo(ExitReason.END_OF_DATA);
        });
        assertThat(result.fills()).hasSize(2);
    }

    @Test
    void aSellSignalOnTheLastCandleIsSettledAsEndOfDataNotAsASignalFill() {
        BacktestResult result = new Backtester(FRICTIONLESS).run(scripted(List.of(1), List.of(4)), BTC, rising(5));

        // the sell order of candle 4 could only fill at candle 5's open, which does not exist
        assertThat(result.trades()).singleElement().satisfies(trade -> {
            assertThat(trade.exitPrice()).isEqualByComparingTo("104");
            assertThat(trade.exitReason()).isEqualTo(ExitReason.END_OF_DATA);
        });
    }

    @Test
    void aSellSignalWhileFlatDoesNotSellShort() {
        BacktestResult result = new Backtester(FRICTIONLESS).run(scripted(List.of(), List.of(1, 2)), BTC, rising(5));

        assertThat(result.trades()).isEmpty();
        assertThat(result.fills()).isEmpty();
        assertThat(result.metrics().finalEquity()).isEqualByComparingTo("10000");
    }

    @Test
    void severalSymbolsShareOneAccountAndAnEntryInFlightCountsAsAnOpenPosition() {
        BacktestConfig oneAtATime = FRICTIONLESS.withRisk(RiskConfig.defaults().withMaxOpenPositions(1));
        BacktestResult result = new Backtester(oneAtATime).run(List.of(
                new BacktestMarket(BTC, rising(6), scripted(List.of(1), List.of(3))),
                new BacktestMarket(ETH, rising(6), scripted(List.of(1, 4), List.of()))));

        // both buy at candle 1; the BTC entry is in flight, so ETH's is refused; after BTC closes ETH buys at 4
        assertThat(result.riskRefusals()).containsEntry(RefusalReason.MAX_OPEN_POSITIONS, 1);
        assertThat(result.trades()).extracting(Trade::symbol, Trade::exitReason).containsExactly(
                tuple(Symbol.of("BTCUSDT"), ExitReason.SIGNAL),
                tuple(Symbol.of("ETHUSDT"), ExitReason.END_OF_DATA));
        assertThat(result.buyAndHold()).containsOnlyKeys(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT"));
        assertThat(result.equityCurve().size()).isEqualTo(6);
    }

    @Test
    void symbolsWithDifferentSpansRunOnTheUnionOfTheirCandleTimes() {
        CandleSeries late = rising(6).slice(2, 6);
        BacktestResult result = new Backtester(FRICTIONLESS).run(List.of(
                new BacktestMarket(BTC, rising(4), scripted(List.of(0), List.of())),
                new BacktestMarket(ETH, late, scripted(List.of(0), List.of()))));

        assertThat(result.equityCurve().size()).as("hours 0..5").isEqualTo(6);
        assertThat(result.trades()).extracting(Trade::exitTime).containsExactly(hour(3), hour(5));
    }

    @Test
    void theRiskPolicyCoolsDownAfterConsecutiveLossesInsideABacktest() {
        double[][] rows = new double[12][];
        for (int i = 0; i < 12; i++) {
            double open = i % 2 == 1 ? 110 : 100;
            rows[i] = ohlcv(open, 110, 100, 100, 1000);
        }
        // buys fill at 110 on odd candles, sells at 100 on even ones: every trade loses
        BacktestConfig config = FRICTIONLESS.withRisk(RiskConfig.defaults().withCooldown(2, Duration.ofHours(4)));
        BacktestResult result = new Backtester(config).run(
                scripted(List.of(0, 2, 4, 6, 8), List.of(1, 3, 5, 7, 9)), BTC, hourly(rows));

        // losses close at candles 2 and 4: cooldown until 8; the buys at 4 and 6 are refused, the one at 8 is not
        assertThat(result.riskRefusals()).containsEntry(RefusalReason.COOLDOWN, 2);
        assertThat(result.trades()).hasSize(3);
    }

    @Test
    void refusesMarketsThatCannotRunTogether() {
        Backtester backtester = new Backtester(FRICTIONLESS);
        assertThatThrownBy(() -> backtester.run(List.of())).hasMessage("a backtest needs at least one market");
        assertThatThrownBy(() -> backtester.run(List.of(new BacktestMarket(BTC, rising(3), scripted(List.of(), List.of())),
                new BacktestMarket(BTC, rising(3), scripted(List.of(), List.of())))))
                .hasMessage("symbol BTCUSDT appears twice");
        assertThatThrownBy(() -> new BacktestMarket(BTC, CandleSeries.empty(Interval.H1), scripted(List.of(), List.of())))
                .hasMessage("no candles for BTCUSDT");
        assertThatThrownBy(() -> BacktestConfig.defaults().withInitialCash(BigDecimal.ZERO))
                .hasMessage("initialCash must be > 0 but is 0");
    }
}
