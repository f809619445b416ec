package io.botcore.core.strategy;

import static io.botcore.core.strategy.StrategyFixtures.HOUR;
import static io.botcore.core.strategy.StrategyFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.botcore.core.market.Candle;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class VolumeSpikeStrategyTest {

    private static Candle candle(int hour, double open, double close, double volume) {
        return new Candle(T0 + hour * HOUR, open, Math.max(open, close), Math.min(open, close), close, volume);
    }

    /** A strategy with period 4 fed three calm candles of volume 1. */
    private static VolumeSpikeStrategy warmedUp() {
        VolumeSpikeStrategy strategy = new VolumeSpikeStrategy(4, 2.0);
        for (int hour = 0; hour < 3; hour++) {
            assertThat(strategy.onCandle(candle(hour, 100, 100.5, 1)).side()).isEqualTo(Side.HOLD);
        }
        return strategy;
    }

    @Test
    void buysAHeavyRisingCandle() {
        // volumes 1 1 1 4: average 7/4, ratio 16/7 = 2.2857 >= 2; confidence 0.5 + 0.5 * (2.2857 - 2) / 2
        Signal signal = warmedUp().onCandle(candle(3, 100, 103, 4));

        assertThat(signal.side()).isEqualTo(Side.BUY);
        assertThat(signal.confidence()).isCloseTo(0.5 + 0.5 * (16.0 / 7 - 2) / 2, Offset.offset(1e-12));
        assertThat(signal.reasons().get(0).rule()).isEqualTo("volume spike on a rising candle");
        assertThat(signal.reasons().get(0).values()).containsEntry("volume_average", 1.75)
                .containsEntry("volume", 4.0);
    }

    @Test
    void sellsAHeavyFallingCandle() {
        // volumes 1 1 1 10: average 13/4, ratio 40/13 = 3.08 -> confidence 0.5 + 0.5 * 0.54
        Signal signal = warmedUp().onCandle(candle(3, 100, 97, 10));

        assertThat(signal.side()).isEqualTo(Side.SELL);
        assertThat(signal.confidence()).isCloseTo(0.5 + 0.5 * (40.0 / 13 - 2) / 2, Offset.offset(1e-12));
    }

    @Test
    void holdsBelowTheThresholdOrOnADoji() {
        // volumes 1 1 1 3: average 1.5, ratio exactly 2 -> spike; but open == close
        assertThat(warmedUp().onCandle(candle(3, 100, 100, 3)).side()).isEqualTo(Side.HOLD);
        // volumes 1 1 1 2.9: average 1.475, ratio 1.97 < 2
        assertThat(warmedUp().onCandle(candle(3, 100, 103, 2.9)).side()).isEqualTo(Side.HOLD);
    }
}
