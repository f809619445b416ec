package io.botcore.core.strategy;

import static io.botcore.core.strategy.StrategyFixtures.BTC_1H;
import static io.botcore.core.strategy.StrategyFixtures.feed;
import static io.botcore.core.strategy.StrategyFixtures.flatCandles;
import static org.assertj.core.api.Assertions.assertThat;

import io.botcore.core.indicator.BollingerBands;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class BollingerStrategyTest {

    private static final Offset<Double> EXACT = Offset.offset(1e-12);

    @Test
    void holdsInsideTheBandsAndBuysBelowTheLowerOne() {
        // period 4, k 1: window 100 100 100 97 has mean 99.25, squared deviations 3 * 0.5625 + 5.0625 = 6.75,
        // deviation sqrt(6.75 / 4) = 1.299, lower band 97.95 > 97 -> buy,
        // confidence 0.5 + 0.5 * min(1, (97.951 - 97) / 1.299) = 0.5 + 0.5 * 0.7321 = 0.8660
        List<Signal> signals = feed(new BollingerStrategy(4, 1.0), flatCandles(100, 100, 100, 100, 97));

        assertThat(signals.subList(0, 4)).extracting(Signal::side).containsOnly(Side.HOLD);
        Signal buy = signals.get(4);
        double deviation = Math.sqrt(6.75 / 4);
        assertThat(buy.side()).isEqualTo(Side.BUY);
        assertThat(buy.confidence()).isCloseTo(0.5 + 0.5 * (99.25 - deviation - 97) / deviation, EXACT);
        assertThat(buy.reasons().get(0).rule()).isEqualTo("close < lower band");
        assertThat(buy.reasons().get(0).values().get("lower")).isCloseTo(99.25 - deviation, EXACT);
        assertThat(buy.reasons().get(0).values().get("middle")).isEqualTo(99.25);
    }

    @Test
    void sellsAboveTheUpperBandCappedAtFullConfidence() {
        // window 100 100 100 120: mean 105, deviation sqrt((3 * 25 + 225) / 4) = 8.66, upper 113.66 with k 1;
        // (120 - 113.66) / 8.66 = 0.73 -> 0.866; with k 0.5, upper 109.33, (120 - 109.33) / 4.33 > 1 -> 1.0
        assertThat(feed(new BollingerStrategy(4, 0.5), flatCandles(100, 100, 100, 120)).get(3))
                .satisfies(signal -> {
                    assertThat(signal.side()).isEqualTo(Side.SELL);
                    assertThat(signal.confidence()).isEqualTo(1.0);
                });
    }

    @Test
    void onRealDataSignalsExactlyWhereTheCloseLeavesTheBatchBands() {
        List<Signal> signals = new BollingerStrategy(20, 2.0).run(BTC_1H);
        BollingerBands.Values bands = BollingerBands.compute(BTC_1H.closes(), 20, 2.0);

        int outside = 0;
        for (int i = 0; i < BTC_1H.size(); i++) {
            double close = BTC_1H.close(i);
            Side expected = close < bands.lower()[i] ? Side.BUY : close > bands.upper()[i] ? Side.SELL : Side.HOLD;
            assertThat(signals.get(i).side()).as("index %d", i).isEqualTo(expected);
            outside += expected == Side.HOLD ? 0 : 1;
        }
        assertThat(outside).isGreaterThan(1000);
    }
}
