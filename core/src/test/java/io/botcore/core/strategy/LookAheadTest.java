package io.botcore.core.strategy;

import static io.botcore.core.strategy.StrategyFixtures.BTC_1H;
import static org.assertj.core.api.Assertions.assertThat;

import io.botcore.core.market.CandleSeries;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No strategy looks ahead: run on the series cut after any bar, it gives the same signals for the bars it
 * saw as it gives for them on the whole series.
 */
class LookAheadTest {

    /** Every cut in the first 600 real candles, past every warm-up. */
    private static final int EVERY_CUT_UP_TO = 600;
    /** Then a cut every 997 candles to the end, and at both sides of every gap. */
    private static final int SAMPLED_CUT_STEP = 997;

    static List<String> strategies() {
        return StrategyCatalog.names();
    }

    private static List<Integer> cuts(CandleSeries series) {
        List<Integer> cuts = new ArrayList<>();
        for (int k = 1; k <= EVERY_CUT_UP_TO; k++) {
            cuts.add(k);
        }
        for (int k = EVERY_CUT_UP_TO + SAMPLED_CUT_STEP; k < series.size(); k += SAMPLED_CUT_STEP) {
            cuts.add(k);
        }
        series.gaps().forEach(gap -> {
            int before = series.indexOf(gap.afterOpenTime());
            cuts.add(before + 1);
            cuts.add(before + 2);
        });
        return cuts;
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void truncatingTheSeriesNeverChangesAnEarlierSignal(String name) {
        List<Signal> whole = StrategyCatalog.create(name, StrategyParameters.none()).run(BTC_1H);
        assertThat(whole).extracting(Signal::side).as("the strategy does give signals").contains(Side.BUY, Side.SELL);

        for (int cut : cuts(BTC_1H)) {
            List<Signal> truncated = StrategyCatalog.create(name, StrategyParameters.none())
                    .run(BTC_1H.slice(0, cut));

            assertThat(truncated).as("%s cut after %d candles", name, cut).isEqualTo(whole.subList(0, cut));
        }
    }
}
