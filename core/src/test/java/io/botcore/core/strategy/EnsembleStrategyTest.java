package io.botcore.core.strategy;

import static io.botcore.core.strategy.StrategyFixtures.BTC_1H;
import static io.botcore.core.strategy.StrategyFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botcore.core.market.Candle;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class EnsembleStrategyTest {

    private static final Candle CANDLE = new Candle(T0, 100, 101, 99, 100.5, 1);
    private static final Offset<Double> EXACT = Offset.offset(1e-12);

    /** A member that always answers with the same side and confidence. */
    private record Fixed(String name, Side side, double confidence) implements Strategy {

        @Override
        public Signal onCandle(Candle candle) {
            return side == Side.HOLD ? Signal.hold(candle.openTime())
                    : Signal.of(candle.openTime(), side, confidence, new Reason(name, name + " says " + side,
                            Map.of("x", 1.0)));
        }
    }

    private static EnsembleStrategy ensemble(double minConfidence) {
        return new EnsembleStrategy(List.of(
                new EnsembleStrategy.Member(new Fixed("a", Side.BUY, 0.9), 2),
                new EnsembleStrategy.Member(new Fixed("b", Side.SELL, 0.6), 1),
                new EnsembleStrategy.Member(new Fixed("c", Side.HOLD, 0), 1)), minConfidence);
    }

    @Test
    void votesByWeightAndConfidence() {
        // buy (2 * 0.9) / 4 = 0.45, sell (1 * 0.6) / 4 = 0.15, net 0.30
        Signal signal = ensemble(0.25).onCandle(CANDLE);

        assertThat(signal.side()).isEqualTo(Side.BUY);
        assertThat(signal.confidence()).isCloseTo(0.30, EXACT);
        assertThat(signal.reasons()).extracting(Reason::strategy).containsExactly("ensemble", "a");
        Map<String, Double> vote = signal.reasons().get(0).values();
        assertThat(vote.get("buy")).isCloseTo(0.45, EXACT);
        assertThat(vote.get("sell")).isCloseTo(0.15, EXACT);
        assertThat(vote.get("net")).isCloseTo(0.30, EXACT);
        assertThat(vote).containsEntry("min_confidence", 0.25);
    }

    @Test
    void holdsBelowTheMinimumConfidence() {
        assertThat(ensemble(0.31).onCandle(CANDLE)).isEqualTo(Signal.hold(T0));
    }

    @Test
    void sellsWhenTheSellersOutweigh() {
        EnsembleStrategy strategy = new EnsembleStrategy(List.of(
                new EnsembleStrategy.Member(new Fixed("a", Side.BUY, 0.5), 1),
                new EnsembleStrategy.Member(new Fixed("b", Side.SELL, 1.0), 3)), 0.5);

        // buy 0.5 / 4 = 0.125, sell 3 / 4 = 0.75, net -0.625
        Signal signal = strategy.onCandle(CANDLE);
        assertThat(signal.side()).isEqualTo(Side.SELL);
        assertThat(signal.confidence()).isCloseTo(0.625, EXACT);
        assertThat(signal.reasons()).extracting(Reason::strategy).containsExactly("ensemble", "b");
    }

    @Test
    void zeroWeightLeavesAMemberOutAndScopedParametersReachTheMembers() {
        StrategyParameters parameters = StrategyParameters.of(Map.of("weight.macd", "0", "weight.bollinger", "0",
                "weight.volume", "0", "rsi.period", "14", "min_confidence", "0.5"));
        EnsembleStrategy rsiOnly = EnsembleStrategy.from(parameters);
        parameters.requireAllUsed("ensemble");

        List<Signal> ensemble = rsiOnly.run(BTC_1H);
        List<Signal> rsi = new RsiStrategy(14, 30, 70).run(BTC_1H);
        for (int i = 0; i < rsi.size(); i++) {
            Signal member = rsi.get(i);
            Side expected = member.confidence() >= 0.5 ? member.side() : Side.HOLD;
            assertThat(ensemble.get(i).side()).as("index %d", i).isEqualTo(expected);
            if (expected != Side.HOLD) {
                assertThat(ensemble.get(i).confidence()).isEqualTo(member.confidence());
                assertThat(ensemble.get(i).reasons().subList(1, 2)).isEqualTo(member.reasons());
            }
        }
    }

    @Test
    void rejectsAnEnsembleWithoutMembers() {
        StrategyParameters allZero = StrategyParameters.of(Map.of("weight.rsi", "0", "weight.macd", "0",
                "weight.bollinger", "0", "weight.volume", "0"));

        assertThatThrownBy(() -> EnsembleStrategy.from(allZero))
                .hasMessage("an ensemble needs at least one member with a weight > 0");
    }
}
