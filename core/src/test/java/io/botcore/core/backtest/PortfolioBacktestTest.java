package io.botcore.core.backtest;

import static io.botcore.core.backtest.BacktestFixtures.BINANCE_BTCUSDT;
import static io.botcore.core.backtest.BacktestFixtures.BTC_1H;
import static org.assertj.core.api.Assertions.assertThat;

import io.botcore.core.execution.LedgerEntry;
import io.botcore.core.execution.Symbol;
import io.botcore.core.execution.SymbolRules;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.market.csv.CandleCsvReader;
import io.botcore.core.strategy.RsiStrategy;
import io.botcore.core.strategy.Signal;
import io.botcore.core.strategy.Strategy;
import io.botcore.core.testdata.RecordedData;
import io.botcore.core.trading.Trade;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BTCUSDT and ETHUSDT, real hourly candles of 2024, traded by RSI as one portfolio. */
class PortfolioBacktestTest {

    private static final SymbolRules BINANCE_ETHUSDT = SymbolRules.of("ETHUSDT", "0.01", "0.0001", "0.0001", "5");
    private static final long FROM = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    private static final long TO = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();

    @Test
    void shouldTradeBothSymbolsFromOneAccountWithoutLosingOrMakingMoney() throws IOException {
        CandleSeries btc = BTC_1H.between(FROM, TO);
        CandleSeries eth = eth();

        BacktestResult result = new Backtester(BacktestConfig.defaults()).run(List.of(
                new BacktestMarket(BINANCE_BTCUSDT, btc, new RsiStrategy(14, 30, 70)),
                new BacktestMarket(BINANCE_ETHUSDT, eth, new RsiStrategy(14, 30, 70))));

        assertThat(result.trades()).extracting(Trade::symbol).contains(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT"));
        BigDecimal pnl = result.trades().stream().map(Trade::pnl).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(result.metrics().finalEquity()).isEqualByComparingTo(new BigDecimal("10000").add(pnl));
        List<LedgerEntry> fills = result.fills();
        for (int i = 1; i < fills.size(); i++) {
            assertThat(fills.get(i).fill().time()).isAfterOrEqualTo(fills.get(i - 1).fill().time());
        }
        assertThat(result.equityCurve().size()).isEqualTo(btc.size());
        assertThat(result.buyAndHold().get(Symbol.of("ETHUSDT")))
                .isEqualTo(PerformanceCalculator.buyAndHold(Symbol.of("ETHUSDT"), eth));
    }

    @Test
    void shouldChangeNothingWhenTheOtherSymbolNeverSignals() throws IOException {
        CandleSeries btc = BTC_1H.between(FROM, TO);
        BacktestResult alone = new Backtester(BacktestConfig.defaults()).run(new RsiStrategy(14, 30, 70),
                BINANCE_BTCUSDT, btc);

        BacktestResult portfolio = new Backtester(BacktestConfig.defaults()).run(List.of(
                new BacktestMarket(BINANCE_BTCUSDT, btc, new RsiStrategy(14, 30, 70)),
                new BacktestMarket(BINANCE_ETHUSDT, eth(), silent())));

        assertThat(portfolio.trades()).isEqualTo(alone.trades());
        assertThat(portfolio.metrics()).isEqualTo(alone.metrics());
        assertThat(portfolio.equityCurve()).isEqualTo(alone.equityCurve());
    }

    private static CandleSeries eth() throws IOException {
        return CandleCsvReader.read(RecordedData.file("binance_ETHUSDT_1h_2020-09-20_2025-09-19.csv.gz"), Interval.H1)
                .between(FROM, TO);
    }

    private static Strategy silent() {
        return new Strategy() {
            @Override
            public String name() {
                return "silent";
            }

            @Override
            public Signal onCandle(io.botcore.core.market.Candle candle) {
                return Signal.hold(candle.openTime());
            }
        };
    }
}
