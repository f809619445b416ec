package io.botcore.core.backtest;

import static io.botcore.core.backtest.BacktestFixtures.BINANCE_BTCUSDT;
import static io.botcore.core.backtest.BacktestFixtures.BTC_1H;
import static io.botcore.core.backtest.BacktestFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botcore.core.market.Candle;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.strategy.RsiStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;

class EquityCurveStitchTest {

    private static final long DAY = 86_400_000L;

    @Test
    void shouldJoinConsecutiveRunsPointByPointFromTheFirstStart() {
        CandleSeries first = BTC_1H.between(T0, T0 + 30 * DAY);
        CandleSeries second = BTC_1H.between(T0 + 30 * DAY, T0 + 60 * DAY);
        BacktestResult a = new Backtester(BacktestConfig.defaults()).run(new RsiStrategy(14, 30, 70), BINANCE_BTCUSDT, first);
        BacktestResult b = new Backtester(BacktestConfig.defaults().withInitialCash(a.metrics().finalEquity()))
                .run(new RsiStrategy(14, 30, 70), BINANCE_BTCUSDT, second);

        EquityCurve joined = EquityCurve.stitch(List.of(a.equityCurve(), b.equityCurve()));

        assertThat(joined.size()).isEqualTo(first.size() + second.size());
        assertThat(joined.startTime()).isEqualTo(a.equityCurve().startTime());
        assertThat(joined.startEquity()).isEqualTo(10_000.0);
        assertThat(joined.equity(first.size() - 1)).isEqualTo(a.metrics().finalEquity().doubleValue());
        assertThat(joined.equity(first.size())).isEqualTo(b.equityCurve().equity(0));
        assertThat(joined.timeMillis(joined.size() - 1)).isEqualTo(second.lastOpenTime() + 3_600_000L);
    }

    @Test
    void shouldRefuseOverlappingOrMixedCurves() {
        BacktestResult a = new Backtester(BacktestConfig.defaults()).run(new RsiStrategy(14, 30, 70), BINANCE_BTCUSDT,
                BTC_1H.between(T0, T0 + 10 * DAY));
        BacktestResult daily = new Backtester(BacktestConfig.defaults()).run(new RsiStrategy(14, 30, 70), BINANCE_BTCUSDT,
                CandleSeries.of(Interval.D1, List.of(new Candle(T0 + 20 * DAY, 100, 110, 90, 105, 10),
                        new Candle(T0 + 21 * DAY, 105, 115, 95, 110, 10))));

        assertThatThrownBy(() -> EquityCurve.stitch(List.of(a.equityCurve(), a.equityCurve())))
                .hasMessageContaining("overlaps the previous one");
        assertThatThrownBy(() -> EquityCurve.stitch(List.of(a.equityCurve(), daily.equityCurve())))
                .hasMessageContaining("cannot stitch");
        assertThatThrownBy(() -> EquityCurve.stitch(List.of())).hasMessageContaining("nothing to stitch");
    }
}
