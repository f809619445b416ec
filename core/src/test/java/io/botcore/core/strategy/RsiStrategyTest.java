package io.botcore.core.strategy;

import static io.botcore.core.strategy.StrategyFixtures.BTC_1H;
import static io.botcore.core.strategy.StrategyFixtures.HOUR;
import static io.botcore.core.strategy.StrategyFixtures.T0;
import static io.botcore.core.strategy.StrategyFixtures.feed;
import static io.botcore.core.strategy.StrategyFixtures.flatCandles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botcore.core.indicator.Rsi;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class RsiStrategyTest {

    private static final Offset<Double> EXACT = Offset.offset(1e-12);

    @Test
    void buysWhenOversoldWithItsReason() {
        // period 3, closes 10 11 10 9 8: changes +1 -1 -1 -1
        // index 3: avgGain 1/3, avgLoss 2/3, RSI 100 - 100/(1 + 1/2) = 33.33 -> hold (not below 30)
        // index 4: avgGain (2/3)/3 = 2/9, avgLoss (4/3 + 1)/3 = 7/9, RSI 100 - 100/(1 + 2/7) = 22.22 -> buy
        // confidence 0.5 + 0.5 * (30 - 22.22)/30 = 0.6296
        List<Signal> signals = feed(new RsiStrategy(3, 30, 70), flatCandles(10, 11, 10, 9, 8));

        assertThat(signals.subList(0, 4)).extracting(Signal::side).containsOnly(Side.HOLD);
        Signal buy = signals.get(4);
        assertThat(buy.side()).isEqualTo(Side.BUY);
        assertThat(buy.openTime()).isEqualTo(T0 + 4 * HOUR);
        assertThat(buy.confidence()).isCloseTo(0.5 + 0.5 * (30 - 200.0 / 9) / 30, EXACT);
        assertThat(buy.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.strategy()).isEqualTo("rsi");
            assertThat(reason.rule()).isEqualTo("rsi < oversold 30.0");
            assertThat(reason.values()).containsOnlyKeys("rsi", "close");
            assertThat(reason.values().get("rsi")).isCloseTo(200.0 / 9, EXACT);
            assertThat(reason.values()).containsEntry("close", 8.0);
        });
    }

    @Test
    void sellsWhenOverboughtAtFullConfidenceForRsi100() {
        List<Signal> signals = feed(new RsiStrategy(3, 30, 70), flatCandles(1, 2, 3, 4));

        assertThat(signals.get(3).side()).isEqualTo(Side.SELL);
        assertThat(signals.get(3).confidence()).isEqualTo(1.0);
        assertThat(signals.get(3).reasons().get(0).values()).containsEntry("rsi", 100.0);
    }

    @Test
    void rejectsThresholdsOutOfOrder() {
        assertThatThrownBy(() -> new RsiStrategy(14, 70, 30))
                .hasMessage("need 0 < oversold < overbought < 100 but oversold is 70.0 and overbought 30.0");
    }

    @Test
    void onRealDataSignalsExactlyWhereTheBatchRsiCrossesTheThresholds() {
        List<Signal> signals = new RsiStrategy(14, 30, 70).run(BTC_1H);
        double[] rsi = Rsi.compute(BTC_1H.closes(), 14);

        int buys = 0;
        int sells = 0;
        for (int i = 0; i < rsi.length; i++) {
            Side expected = rsi[i] < 30 ? Side.BUY : rsi[i] > 70 ? Side.SELL : Side.HOLD;
            assertThat(signals.get(i).side()).as("index %d, rsi %s", i, rsi[i]).isEqualTo(expected);
            assertThat(signals.get(i).openTime()).isEqualTo(BTC_1H.openTime(i));
            buys += expected == Side.BUY ? 1 : 0;
            sells += expected == Side.SELL ? 1 : 0;
        }
        assertThat(buys).isGreaterThan(100);
        assertThat(sells).isGreaterThan(100);
    }

    @Test
    void readsItsParameters() {
        Strategy strategy = RsiStrategy.from(StrategyParameters.of(Map.of("period", "3", "oversold", "40")));

        assertThat(feed(strategy, flatCandles(10, 11, 10, 9)).get(3).side())
                .as("RSI 33.3 is below 40").isEqualTo(Side.BUY);
    }
}
