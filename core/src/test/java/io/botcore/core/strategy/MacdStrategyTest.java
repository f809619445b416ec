package io.botcore.core.strategy;

import static io.botcore.core.strategy.StrategyFixtures.BTC_1H;
import static io.botcore.core.strategy.StrategyFixtures.feed;
import static io.botcore.core.strategy.StrategyFixtures.flatCandles;
import static org.assertj.core.api.Assertions.assertThat;

import io.botcore.core.indicator.Macd;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class MacdStrategyTest {

    private static final Offset<Double> EXACT = Offset.offset(1e-12);

    @Test
    void buysOnTheCandleWhereTheHistogramTurnsPositive() {
        // MACD(2, 3, 2) of 1 3 2 6 4 8 (hand-computed in MacdTest): histogram from index 3 is 1/3, -1/27, 13/81
        List<Signal> signals = feed(new MacdStrategy(2, 3, 2, 0.6), flatCandles(1, 3, 2, 6, 4, 8));

        assertThat(signals).extracting(Signal::side)
                .containsExactly(Side.HOLD, Side.HOLD, Side.HOLD, Side.HOLD, Side.SELL, Side.BUY);
        Signal buy = signals.get(5);
        assertThat(buy.confidence()).isEqualTo(0.6);
        assertThat(buy.reasons().get(0).rule()).isEqualTo("macd crossed above signal");
        assertThat(buy.reasons().get(0).values()).containsOnlyKeys("macd", "signal", "histogram",
                "previous_histogram");
        assertThat(buy.reasons().get(0).values().get("histogram")).isCloseTo(13.0 / 81, EXACT);
        assertThat(buy.reasons().get(0).values().get("previous_histogram")).isCloseTo(-1.0 / 27, EXACT);
    }

    @Test
    void onRealDataSignalsExactlyAtTheBatchHistogramsSignChanges() {
        List<Signal> signals = new MacdStrategy(12, 26, 9, 0.6).run(BTC_1H);
        double[] histogram = Macd.compute(BTC_1H.closes(), 12, 26, 9).histogram();

        int crossings = 0;
        for (int i = 1; i < histogram.length; i++) {
            Side expected = Double.isNaN(histogram[i - 1]) ? Side.HOLD
                    : histogram[i - 1] <= 0 && histogram[i] > 0 ? Side.BUY
                    : histogram[i - 1] >= 0 && histogram[i] < 0 ? Side.SELL : Side.HOLD;
            assertThat(signals.get(i).side()).as("index %d", i).isEqualTo(expected);
            crossings += expected == Side.HOLD ? 0 : 1;
        }
        assertThat(crossings).isGreaterThan(1000);
    }
}
