package io.botcore.core.backtest;

import static io.botcore.core.backtest.BacktestFixtures.BINANCE_BTCUSDT;
import static io.botcore.core.backtest.BacktestFixtures.BTC_1H;
import static org.assertj.core.api.Assertions.assertThat;

import io.botcore.core.execution.ExitBracket;
import io.botcore.core.execution.ExitReason;
import io.botcore.core.execution.LedgerEntry;
import io.botcore.core.indicator.Rsi;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.strategy.RsiStrategy;
import io.botcore.core.testdata.RecordedData;
import io.botcore.core.trading.Trade;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * RSI(14, 30/70) on the recorded BTCUSDT 1h candles (2020-09-20 .. 2025-09-19), with the default fill model and
 * risk limits and exits of stop-loss 3 %, take-profit 6 %, trailing stop 4 %.
 */
class RsiBacktestOnRealDataTest {

    private static final BacktestConfig CONFIG = BacktestConfig.defaults().withExits(new ExitBracket(
            new BigDecimal("0.03"), new BigDecimal("0.06"), new BigDecimal("0.04")));
    private static final BacktestResult RESULT = run(BTC_1H);

    private static BacktestResult run(CandleSeries candles) {
        return new Backtester(CONFIG).run(new RsiStrategy(14, 30, 70), BINANCE_BTCUSDT, candles);
    }

    @Test
    void runningTwiceGivesIdenticalTradesFillsEquityAndMetrics() {
        BacktestResult again = run(BTC_1H);

        assertThat(again.trades()).isEqualTo(RESULT.trades());
        assertThat(again.fills()).isEqualTo(RESULT.fills());
        assertThat(again.equityCurve()).isEqualTo(RESULT.equityCurve());
        assertThat(again.metrics()).isEqualTo(RESULT.metrics());
        assertThat(again).isEqualTo(RESULT);
    }

    @Test
    void buyAndHoldIsTheLastCloseOverTheFirstCloseReadStraightFromTheFile() throws IOException {
        List<String> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(RecordedData.file(RecordedData.BTC_1H))),
                StandardCharsets.US_ASCII))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line);
                }
            }
        }
        double firstClose = Double.parseDouble(rows.get(0).split(",")[4]);
        double lastClose = Double.parseDouble(rows.get(rows.size() - 1).split(",")[4]);

        BuyAndHold benchmark = RESULT.buyAndHoldOfFirst();

        assertThat(firstClose).isEqualTo(11056.0);
        assertThat(benchmark.totalReturn()).isEqualTo(lastClose / firstClose - 1);
        assertThat(benchmark.firstClose()).isEqualTo(firstClose);
        assertThat(benchmark.lastClose()).isEqualTo(lastClose);
    }

    @Test
    void tradesAreConsistentWithTheLedgerAndNeverOverlap() {
        List<Trade> trades = RESULT.trades();
        PerformanceMetrics metrics = RESULT.metrics();

        assertThat(trades).hasSizeGreaterThan(100);
        assertThat(trades.stream().map(Trade::pnl).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(metrics.finalEquity().subtract(metrics.initialEquity()));
        assertThat(trades.stream().map(Trade::fees).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(metrics.feesPaid());
        for (int i = 1; i < trades.size(); i++) {
            assertThat(trades.get(i).entryTime()).isAfter(trades.get(i - 1).exitTime());
        }
        for (LedgerEntry entry : RESULT.fills()) {
            assertThat(BINANCE_BTCUSDT.isOnTick(entry.fill().price())).isTrue();
            assertThat(BINANCE_BTCUSDT.isOnStep(entry.fill().quantity())).isTrue();
            assertThat(entry.fill().notional()).isGreaterThanOrEqualTo(BINANCE_BTCUSDT.minNotional());
        }
        assertThat(trades).extracting(Trade::exitReason).contains(ExitReason.STOP_LOSS, ExitReason.TAKE_PROFIT,
                ExitReason.TRAILING_STOP, ExitReason.SIGNAL);
        assertThat(metrics.trades()).isEqualTo(trades.size());
    }

    @Test
    void everyEntryFillsAtTheOpenOfTheCandleAfterAnOversoldClose() {
        double[] rsi = Rsi.compute(BTC_1H.closes(), 14);

        for (Trade trade : RESULT.trades()) {
            int entry = BTC_1H.indexOf(trade.entryTime().toEpochMilli());
            double open = BTC_1H.open(entry);
            assertThat(rsi[entry - 1]).as("RSI at the close before %s", trade.entryTime()).isLessThan(30);
            assertThat(trade.entryReasons()).singleElement()
                    .satisfies(reason -> assertThat(reason.values().get("close")).isEqualTo(BTC_1H.close(entry - 1)));
            // taker buy: at or above the open, by at most 1 bps spread + 1 bps slippage + a little impact
            assertThat(trade.entryPrice().doubleValue()).isBetween(open, open * 1.0003);
        }
    }

    @Test
    void truncatingTheDataAtAnyBarNeverChangesEarlierTradesOrEquity() {
        TreeSet<Integer> cuts = new TreeSet<>();
        for (int k = 500; k < BTC_1H.size(); k += 3_989) {
            cuts.add(k);
        }
        List<Trade> trades = RESULT.trades();
        for (Trade trade : List.of(trades.get(0), trades.get(trades.size() / 2), trades.get(trades.size() - 2))) {
            int entry = BTC_1H.indexOf(trade.entryTime().toEpochMilli());
            int exit = BTC_1H.indexOf(trade.exitTime().toEpochMilli());
            cuts.addAll(List.of(entry, entry + 1, exit, exit + 1));
        }

        for (int cut : cuts) {
            BacktestResult truncated = run(BTC_1H.slice(0, cut));
            long lastOpen = BTC_1H.openTime(cut - 1);

            List<Trade> closedBefore = trades.stream().filter(t -> t.exitTime().toEpochMilli() <= lastOpen).toList();
            List<Trade> truncatedClosed = truncated.trades().stream()
                    .filter(t -> t.exitReason() != ExitReason.END_OF_DATA).toList();
            assertThat(truncatedClosed).as("trades of the data cut after %d candles", cut).isEqualTo(closedBefore);
            for (int i = 0; i < cut - 1; i++) {
                assertThat(truncated.equityCurve().equity(i)).as("equity at %d of cut %d", i, cut)
                        .isEqualTo(RESULT.equityCurve().equity(i));
            }
        }
    }
}
