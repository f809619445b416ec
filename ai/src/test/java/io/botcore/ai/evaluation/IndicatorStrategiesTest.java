package io.botcore.ai.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.botcore.ai.testdata.RecordedData;
import io.botcore.core.market.Candle;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.strategy.Reason;
import io.botcore.core.strategy.Side;
import io.botcore.core.strategy.Signal;
import io.botcore.core.strategy.Strategy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndicatorStrategiesTest {

    @Test
    void shouldStayLongFromABuyUntilASell() {
        CandleSeries bars = LongFlatBacktestTest.bars(new double[] {1, 1, 1, 1, 1, 1, 1},
                new double[] {1, 1, 1, 1, 1, 1, 1});
        Strategy scripted = scripted(Side.BUY, Side.HOLD, Side.SELL, Side.HOLD, Side.BUY, Side.BUY, Side.HOLD);

        // range [2, 7): the BUY at bar 0 is remembered until the SELL at bar 2
        assertThat(IndicatorStrategies.positions(scripted, bars, 2, 7))
                .containsExactly(false, false, true, true, true);
    }

    @Test
    void shouldRunEachSingleIndicatorStrategyOverTheRange() {
        CandleSeries bars = RecordedData.hourly(RecordedData.BTC_1H).slice(0, 2_000);

        List<TradingResult> results = IndicatorStrategies.run(bars, 1_000, 2_000, 0.001);

        assertThat(results).extracting(TradingResult::name).containsExactly("rsi", "macd", "bollinger", "volume");
        for (TradingResult result : results) {
            assertThat(result.equity()).hasSize(1_000);
            assertThat(result.totalReturn()).isLessThanOrEqualTo(result.grossReturn());
        }
    }

    private static Strategy scripted(Side... sides) {
        return new Strategy() {
            private int next;

            @Override
            public String name() {
                return "scripted";
            }

            @Override
            public Signal onCandle(Candle candle) {
                Side side = sides[next++];
                return side == Side.HOLD ? Signal.hold(candle.openTime())
                        : Signal.of(candle.openTime(), side, 1, new Reason("scripted", "script", Map.of()));
            }
        };
    }
}
