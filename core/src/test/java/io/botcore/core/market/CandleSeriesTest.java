package io.botcore.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandleSeriesTest {

    private static final long H = 3_600_000L;
    private static final long T0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    /** Hourly candles at hours 0, 1, 2, 5, 6, 9 after T0: gaps of 2 after hour 2 and after hour 6. */
    private static CandleSeries gappySeries() {
        CandleSeries.Builder builder = CandleSeries.builder(Interval.H1, 0);
        int[] hours = {0, 1, 2, 5, 6, 9};
        for (int h : hours) {
            builder.add(T0 + h * H, 100 + h, 110 + h, 90 + h, 105 + h, 10 * h);
        }
        return builder.build();
    }

    @Test
    void buildsColumnsFromCandles() {
        CandleSeries series = CandleSeries.of(Interval.H1, List.of(
                new Candle(T0, 10, 12, 9, 11, 5),
                new Candle(T0 + H, 11, 11.5, 10.5, 11.25, 0)));

        assertThat(series.size()).isEqualTo(2);
        assertThat(series.interval()).isEqualTo(Interval.H1);
        assertThat(series.openTimes()).containsExactly(T0, T0 + H);
        assertThat(series.opens()).containsExactly(10, 11);
        assertThat(series.highs()).containsExactly(12, 11.5);
        assertThat(series.lows()).containsExactly(9, 10.5);
        assertThat(series.closes()).containsExactly(11, 11.25);
        assertThat(series.volumes()).containsExactly(5, 0);
        assertThat(series.candle(1)).isEqualTo(new Candle(T0 + H, 11, 11.5, 10.5, 11.25, 0));
        assertThat(series.firstOpenTime()).isEqualTo(T0);
        assertThat(series.lastOpenTime()).isEqualTo(T0 + H);
    }

    @Test
    void reportsEveryGapWithoutFillingIt() {
        CandleSeries series = gappySeries();

        assertThat(series.gaps()).containsExactly(new Gap(T0 + 2 * H, 2), new Gap(T0 + 6 * H, 2));
        assertThat(series.size()).isEqualTo(6);
    }

    @Test
    void aSeriesWithoutMissingIntervalsHasNoGaps() {
        assertThat(gappySeries().slice(0, 3).gaps()).isEmpty();
        assertThat(CandleSeries.empty(Interval.H1).gaps()).isEmpty();
    }

    @Test
    void betweenSelectsByOpenTimeHalfOpen() {
        CandleSeries series = gappySeries();

        CandleSeries middle = series.between(T0 + 2 * H, T0 + 6 * H);
        assertThat(middle.openTimes()).containsExactly(T0 + 2 * H, T0 + 5 * H);
        assertThat(middle.closes()).containsExactly(107, 110);
        assertThat(middle.gaps()).containsExactly(new Gap(T0 + 2 * H, 2));

        assertThat(series.between(T0 + 3 * H, T0 + 5 * H).isEmpty()).as("inside a gap").isTrue();
        assertThat(series.between(T0 - 10 * H, T0 + 100 * H)).isEqualTo(series);
        assertThat(series.between(T0 + 5 * H, T0 + 5 * H).isEmpty()).isTrue();
    }

    @Test
    void sliceOfASliceIndexesFromItsOwnStart() {
        CandleSeries inner = gappySeries().slice(1, 5).slice(1, 3);

        assertThat(inner.openTimes()).containsExactly(T0 + 2 * H, T0 + 5 * H);
        assertThat(inner.close(0)).isEqualTo(107);
        assertThat(inner.indexOf(T0 + 5 * H)).isEqualTo(1);
        assertThat(inner.indexOf(T0 + 3 * H)).as("absent: -(insertion point) - 1").isEqualTo(-2);
        assertThatThrownBy(() -> inner.close(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void copiesItsInputAndItsOutput() {
        long[] times = {T0, T0 + H};
        double[] close = {11, 12};
        CandleSeries series = CandleSeries.of(Interval.H1, times, new double[] {11, 12}, new double[] {13, 13},
                new double[] {10, 10}, close, new double[] {1, 1});

        close[0] = 99;
        times[1] = T0 + 7 * H;
        series.closes()[1] = 99;

        assertThat(series.closes()).containsExactly(11, 12);
        assertThat(series.lastOpenTime()).isEqualTo(T0 + H);
    }

    @Test
    void rejectsHighBelowLowNamingIndexAndField() {
        CandleSeries.Builder builder = CandleSeries.builder(Interval.H1, 2).add(T0, 10, 12, 9, 11, 1);

        assertThatThrownBy(() -> builder.add(T0 + H, 10, 9.5, 10, 10, 1))
                .isInstanceOfSatisfying(InvalidCandleException.class,
                        e -> assertThat(e.field()).isEqualTo(CandleField.HIGH))
                .hasMessage("index 1 (open time 2024-01-01T01:00:00Z): high 9.5 is below low 10.0");
        assertThat(builder.size()).as("the bad candle is not added").isEqualTo(1);
    }

    @Test
    void rejectsCloseOutsideTheRange() {
        assertThatThrownBy(() -> new Candle(T0, 10, 12, 9, 12.5, 1))
                .isInstanceOfSatisfying(InvalidCandleException.class,
                        e -> assertThat(e.field()).isEqualTo(CandleField.HIGH))
                .hasMessageContaining("high 12.0 is below close 12.5");
        assertThatThrownBy(() -> new Candle(T0, 8.5, 12, 9, 11, 1))
                .isInstanceOfSatisfying(InvalidCandleException.class,
                        e -> assertThat(e.field()).isEqualTo(CandleField.LOW))
                .hasMessageContaining("low 9.0 is above open 8.5");
    }

    @Test
    void rejectsNonPositiveOrNonFinitePricesAndNegativeVolume() {
        assertThatThrownBy(() -> new Candle(T0, 0, 12, 9, 11, 1)).hasMessageContaining("open must be finite and > 0");
        assertThatThrownBy(() -> new Candle(T0, 10, Double.NaN, 9, 11, 1))
                .hasMessageContaining("high must be finite and > 0 but is NaN");
        assertThatThrownBy(() -> new Candle(T0, 10, 12, 9, 11, -1))
                .isInstanceOfSatisfying(InvalidCandleException.class,
                        e -> assertThat(e.field()).isEqualTo(CandleField.VOLUME));
    }

    @Test
    void rejectsDuplicateOpenTimes() {
        assertThatThrownBy(() -> CandleSeries.of(Interval.H1, new long[] {T0, T0}, new double[] {1, 1},
                new double[] {1, 1}, new double[] {1, 1}, new double[] {1, 1}, new double[] {0, 0}))
                .isInstanceOfSatisfying(InvalidCandleException.class,
                        e -> assertThat(e.field()).isEqualTo(CandleField.OPEN_TIME))
                .hasMessageContaining("index 1")
                .hasMessageContaining("is not after the previous open time");
    }

    @Test
    void rejectsMisalignedOpenTimes() {
        assertThatThrownBy(() -> CandleSeries.builder(Interval.H1, 1).add(T0 + 60_000, 1, 1, 1, 1, 0))
                .hasMessageContaining("index 0")
                .hasMessageContaining("is not aligned to 1h candles");
    }

    @Test
    void rejectsStepsThatAreNotWholeIntervals() {
        long day = 86_400_000L;
        CandleSeries.Builder builder = CandleSeries.builder(Interval.D3, 2).add(T0, 1, 1, 1, 1, 0);

        assertThatThrownBy(() -> builder.add(T0 + 4 * day, 1, 1, 1, 1, 0))
                .hasMessageContaining("not a whole number of 3d intervals");
    }

    @Test
    void rejectsColumnsOfDifferentLengths() {
        assertThatThrownBy(() -> CandleSeries.of(Interval.H1, new long[] {T0}, new double[] {1}, new double[] {1},
                new double[] {1}, new double[] {1, 2}, new double[] {0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("close has 2 values but openTime has 1");
    }

    @Test
    void emptySeriesHasNoEnds() {
        CandleSeries empty = CandleSeries.empty(Interval.M1);

        assertThat(empty.isEmpty()).isTrue();
        assertThatThrownBy(empty::firstOpenTime).hasMessage("the 1m series is empty");
    }

    @Test
    void equalityIsByValue() {
        CandleSeries series = gappySeries();

        assertThat(series.slice(0, 3)).isEqualTo(gappySeries().slice(0, 3));
        assertThat(series.slice(0, 3)).hasSameHashCodeAs(gappySeries().slice(0, 3));
        assertThat(series.slice(0, 3)).isNotEqualTo(series.slice(1, 4));
    }
}
