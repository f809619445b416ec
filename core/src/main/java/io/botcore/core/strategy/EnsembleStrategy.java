package io.botcore.core.strategy;

import io.botcore.core.market.Candle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Weighted vote of member strategies. At each candle every member gives its signal; with weights {@code w}
 * and confidences {@code c}, {@code buy = sum(w * c over buys) / sum(w)}, {@code sell} likewise and
 * {@code net = buy - sell}. The ensemble buys with confidence {@code net} when {@code net >= minConfidence},
 * sells with confidence {@code -net} when {@code -net >= minConfidence}, and holds otherwise. Its reasons are
 * the vote itself followed by the reasons of the members on the winning side.
 *
 * <p>Parameters and defaults: {@code min_confidence=0.5}; {@code weight.<member>=1} for each of rsi, macd,
 * bollinger and volume (0 leaves a member out); {@code <member>.<parameter>} sets a member's own parameter,
 * for example {@code rsi.period=7}.
 *
 * <p>Not thread-safe; one instance per series.
 */
public final class EnsembleStrategy implements Strategy {

    /** Name used in configuration and reasons. */
    public static final String NAME = "ensemble";

    private final List<Member> members;
    private final double totalWeight;
    private final double minConfidence;

    /**
     * A strategy and its voting weight (dimensionless, relative to the other members). Immutable; the
     * strategy it holds is not thread-safe.
     *
     * @param strategy the member
     * @param weight   its weight, {@code > 0}
     */
    public record Member(Strategy strategy, double weight) {

        public Member {
            Objects.requireNonNull(strategy, "strategy");
            if (!(weight > 0 && Double.isFinite(weight))) {
                throw new IllegalArgumentException("weight of " + strategy.name() + " must be > 0 but is " + weight);
            }
        }
    }

    /**
     * @param members       at least one member
     * @param minConfidence smallest net vote that gives a signal, in (0, 1]
     */
    public EnsembleStrategy(List<Member> members, double minConfidence) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one member with a weight > 0");
        }
        if (!(minConfidence > 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("min_confidence must be in (0, 1] but is " + minConfidence);
        }
        this.members = List.copyOf(members);
        this.totalWeight = members.stream().mapToDouble(Member::weight).sum();
        this.minConfidence = minConfidence;
    }

    /** The RSI, MACD, Bollinger and volume strategies, weighted and configured as the parameters say. */
    public static EnsembleStrategy from(StrategyParameters parameters) {
        List<Member> members = new ArrayList<>();
        addMember(members, parameters, RsiStrategy.NAME, RsiStrategy.from(parameters.scoped(RsiStrategy.NAME)));
        addMember(members, parameters, MacdStrategy.NAME, MacdStrategy.from(parameters.scoped(MacdStrategy.NAME)));
        addMember(members, parameters, BollingerStrategy.NAME,
                BollingerStrategy.from(parameters.scoped(BollingerStrategy.NAME)));
        addMember(members, parameters, VolumeSpikeStrategy.NAME,
                VolumeSpikeStrategy.from(parameters.scoped(VolumeSpikeStrategy.NAME)));
        return new EnsembleStrategy(members, parameters.number("min_confidence", 0.5));
    }

    private static void addMember(List<Member> members, StrategyParameters parameters, String name,
            Strategy strategy) {
        double weight = parameters.scoped("weight").number(name, 1.0);
        if (weight < 0) {
            throw new IllegalArgumentException("parameter weight." + name + " must be >= 0 but is " + weight);
        }
        if (weight > 0) {
            members.add(new Member(strategy, weight));
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Signal onCandle(Candle candle) {
        double buy = 0;
        double sell = 0;
        List<Reason> buyReasons = new ArrayList<>();
        List<Reason> sellReasons = new ArrayList<>();
        for (Member member : members) {
            Signal signal = member.strategy().onCandle(candle);
            if (signal.side() == Side.BUY) {
                buy += member.weight() * signal.confidence();
                buyReasons.addAll(signal.reasons());
            } else if (signal.side() == Side.SELL) {
                sell += member.weight() * signal.confidence();
                sellReasons.addAll(signal.reasons());
            }
        }
        buy /= totalWeight;
        sell /= totalWeight;
        double net = buy - sell;
        if (net < minConfidence && -net < minConfidence) {
            return Signal.hold(candle.openTime());
        }
        Side side = net > 0 ? Side.BUY : Side.SELL;
        Map<String, Double> vote = new LinkedHashMap<>();
        vote.put("buy", buy);
        vote.put("sell", sell);
        vote.put("net", net);
        vote.put("min_confidence", minConfidence);
        List<Reason> reasons = new ArrayList<>();
        reasons.add(new Reason(NAME, "weighted vote " + side.name().toLowerCase(Locale.ROOT)
                + " reached min_confidence", vote));
        reasons.addAll(side == Side.BUY ? buyReasons : sellReasons);
        return new Signal(candle.openTime(), side, Math.min(1, Math.abs(net)), reasons);
    }
}
