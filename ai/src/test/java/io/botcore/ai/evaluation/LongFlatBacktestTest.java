package io.botcore.ai.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import org.junit.jupiter.api.Test;

class LongFlatBacktestTest {

    private static final long HOUR = 3_600_000L;
    private static final double FEE = 0.001;

    /** Five bars, (open, close): (100, 100) (100, 110) (110, 121) (120, 108) (108, 100). */
    private static final CandleSeries BARS = bars(new double[] {100, 100, 110, 120, 108},
            new double[] {100, 110, 121, 108, 100});

    /**
     * Long decided at the close of bars 0 and 1, flat after. By hand, fee 0.1 %:
     * <pre>
     * bar 0  flat                                   equity 1
     * bar 1  buy at open 100: units = .999 / 100 = .00999   equity .00999 * 110 = 1.0989
     * bar 2  hold                                   equity .00999 * 121 = 1.20879
     * bar 3  sell at open 120: .00999 * 120 * .999 = 1.1976012
     * bar 4  flat                                   equity 1.1976012
     * </pre>
     * Return .1976012; without fees .01 * 120 - 1 = .2; drawdown 1 - 1.1976012 / 1.20879; one trade; long at
     * the close of bars 1 and 2: 2 of 5.
     */
    @Test
    void shouldFillAtTheNextOpenAndChargeTheFeeEachWay() {
        TradingResult result = LongFlatBacktest.run("model", BARS, 0, 5,
                new boolean[] {true, true, false, false, false}, FEE);

        assertThat(result.equity()).containsExactly(new double[] {1, 1.0989, 1.20879, 1.1976012, 1.1976012},
                within(1e-12));
        assertThat(result.totalReturn()).isCloseTo(0.1976012, within(1e-12));
        assertThat(result.grossReturn()).isCloseTo(0.2, within(1e-12));
        assertThat(result.maxDrawdown()).isCloseTo(0.009256198347107447, within(1e-12));
        assertThat(result.trades()).isEqualTo(1);
        assertThat(result.exposure()).isEqualTo(0.4);
        assertThat(result.openTimes()).containsExactly(BARS.openTimes());
    }

    /** Bought at the open of bar 1 (100), sold at the close of bar 4 (100): .00999 * 100 * .999 = .998001. */
    @Test
    void shouldHoldFromTheSecondOpenToTheLastCloseForBuyAndHold() {
        TradingResult result = LongFlatBacktest.buyAndHold(BARS, 0, 5, FEE);

        assertThat(result.totalReturn()).isCloseTo(0.998001 - 1, within(1e-12));
        assertThat(result.grossReturn()).isCloseTo(0.0, within(1e-12));
        assertThat(result.trades()).isEqualTo(1);
        assertThat(result.equity()[4]).isCloseTo(0.998001, within(1e-12));
        // peak 1.20879 at bar 2, trough .998001 at the end
        assertThat(result.maxDrawdown()).isCloseTo(1 - 0.998001 / 1.20879, within(1e-12));
    }

    /** The decision at the last bar is never filled; the range may start anywhere. */
    @Test
    void shouldIgnoreTheLastDecisionAndStartFlat() {
        TradingResult result = LongFlatBacktest.run("late", BARS, 2, 5, new boolean[] {false, false, true}, FEE);

        assertThat(result.trades()).isZero();
        assertThat(result.totalReturn()).isEqualTo(0.0);
        assertThat(result.equity()).containsExactly(1, 1, 1);
    }

    /** Going in and out twice pays the fee on each of the four sides. */
    @Test
    void shouldPayTheFeeOnEveryEntryAndExit() {
        // long at the close of 0, flat at 1, long at 2, flat at 3: buys at open 100 and 120, sells at 110 and 108
        TradingResult result = LongFlatBacktest.run("flip", BARS, 0, 5,
                new boolean[] {true, false, true, false, false}, FEE);
        double afterFirst = 0.999 / 100 * 110 * 0.999;
        double afterSecond = afterFirst * 0.999 / 120 * 108 * 0.999;

        assertThat(result.trades()).isEqualTo(2);
        assertThat(result.totalReturn()).isCloseTo(afterSecond - 1, within(1e-12));
        assertThat(result.grossReturn()).isCloseTo(110.0 / 100 * 108 / 120 - 1, within(1e-12));
    }

    static CandleSeries bars(double[] open, double[] close) {
        CandleSeries.Builder builder = CandleSeries.builder(Interval.H1, open.length);
        for (int i = 0; i < open.length; i++) {
            builder.add(1_700_000_000_000L / HOUR * HOUR + i * HOUR, open[i], Math.max(open[i], close[i]),
                    Math.min(open[i], close[i]), close[i], 10);
        }
        return builder.build();
    }
}
