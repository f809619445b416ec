package io.botcore.ai.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import org.junit.jupiter.api.Test;

class LabelsTest {

    private static final long HOUR = 3_600_000L;

    @Test
    void shouldLabelTheCloseHorizonBarsAhead() {
        // closes 100, 101, 100.1, 99.5, 100.05; horizon 2, flat within 0.5 %
        CandleSeries candles = closes(100, 101, 100.1, 99.5, 100.05);
        Labels labels = Labels.of(candles, new LabelSpec(2, 0.005));

        // bar 0: 100.1 / 100 - 1 = +0.1 %  -> FLAT
        // bar 1: 99.5 / 101 - 1 = -1.485 % -> DOWN
        // bar 2: 100.05 / 100.1 - 1 = -0.05 % -> FLAT
        assertThat(labels.size()).isEqualTo(3);
        assertThat(labels.range(0, 3)).containsExactly(Direction.FLAT, Direction.DOWN, Direction.FLAT);
        assertThat(labels.forwardReturn(1)).isEqualTo(99.5 / 101 - 1);
        assertThat(Labels.of(candles, new LabelSpec(1, 0.005)).range(0, 4))
                // +1 %, -0.891 %, -0.599 %, +0.553 %
                .containsExactly(Direction.UP, Direction.DOWN, Direction.DOWN, Direction.UP);
    }

    @Test
    void shouldCallAReturnOfExactlyTheThresholdFlat() {
        LabelSpec spec = new LabelSpec(4, 0.002);

        assertThat(spec.classify(0.002)).isEqualTo(Direction.FLAT);
        assertThat(spec.classify(-0.002)).isEqualTo(Direction.FLAT);
        assertThat(spec.classify(0.0)).isEqualTo(Direction.FLAT);
        assertThat(spec.classify(0.00201)).isEqualTo(Direction.UP);
        assertThat(spec.classify(-0.00201)).isEqualTo(Direction.DOWN);
        assertThat(new LabelSpec(4, 0).classify(0.0)).isEqualTo(Direction.FLAT);
    }

    @Test
    void shouldLabelNothingWhenTheSeriesIsShorterThanTheHorizon() {
        assertThat(Labels.of(closes(100, 101), new LabelSpec(4, 0.002)).size()).isZero();
    }

    @Test
    void shouldRejectABadSpec() {
        assertThatThrownBy(() -> new LabelSpec(0, 0.002)).hasMessageContaining("horizon");
        assertThatThrownBy(() -> new LabelSpec(4, -0.001)).hasMessageContaining("flatThreshold");
        assertThatThrownBy(() -> new LabelSpec(4, Double.NaN)).hasMessageContaining("flatThreshold");
    }

    static CandleSeries closes(double... closes) {
        CandleSeries.Builder builder = CandleSeries.builder(Interval.H1, closes.length);
        for (int i = 0; i < closes.length; i++) {
            builder.add(1_700_000_000_000L / HOUR * HOUR + i * HOUR, closes[i], closes[i], closes[i], closes[i], 1);
        }
        return builder.build();
    }
}
