package io.botcore.ai.analysis;

import io.botcore.ai.features.Feature;
import io.botcore.ai.features.FeatureDistribution;
import io.botcore.ai.features.FeatureExtractor;
import io.botcore.ai.features.FeatureMatrix;
import io.botcore.ai.labels.Direction;
import io.botcore.ai.registry.ModelDescription;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.strategy.Side;
import io.botcore.core.strategy.Signal;
import io.botcore.core.strategy.StrategyCatalog;
import io.botcore.core.strategy.StrategyParameters;
import io.botcore.platform.cache.AnswerCache;
import io.botcore.platform.web.ApiException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers an analysis from the active model: the features of the last candle of the window, the model's class
 * probabilities, the signal the model's evaluated strategy would take, and why.
 *
 * <h2>Signal</h2>
 * The score is {@code P(UP) - P(DOWN)} over the model's label horizon. {@code Long} when it is above the signal
 * threshold the model was evaluated with in its walk-forward, {@code Short} when below minus that threshold,
 * {@code Neutral} otherwise. Confidence is the probability of the signalled class: {@code P(UP)} for Long,
 * {@code P(DOWN)} for Short, {@code P(FLAT)} for Neutral.
 *
 * <h2>Reasons</h2>
 * The contribution of a feature is how much the score changes when that feature alone is set to its training
 * median (occlusion): {@code score(x) - score(x with feature i = median_i)}. The five largest in absolute value
 * are the reasons. It works the same for every model family, and says what moved this prediction, not what the
 * model weighs in general.
 *
 * <h2>Cache</h2>
 * Answers are cached by model version, symbol, interval, the last candle's open time and a hash of the window, so
 * a newer candle (or another model) never gets an old answer. An answer whose optional explanation failed is not
 * cached, so the next request asks again.
 *
 * <p>Thread-safe.
 */
public final class Analyzer {

    /** Reasons listed per answer. */
    static final int TOP_REASONS = 5;
    /** Bars of the near and far support and resistance levels. */
    private static final int NEAR_LEVELS = 24;
    private static final int FAR_LEVELS = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final ActiveModel active;
    private final AnswerCache cache;
    private final Duration ttl;
    private final DriftWindow drift;
    private final AiMetrics metrics;
    private final Clock clock;
    private final Optional<Explainer> explainer;

    /**
     * @param explainer writes the optional {@code explanation} paragraph; empty when none is configured
     */
    public Analyzer(ActiveModel active, AnswerCache cache, Duration ttl, DriftWindow drift, AiMetrics metrics,
            Clock clock, Optional<Explainer> explainer) {
        this.explainer = Objects.requireNonNull(explainer, "explainer");
        this.active = Objects.requireNonNull(active, "active");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.drift = Objects.requireNonNull(drift, "drift");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The serving model, or a 503 saying why there is none. */
    ActiveModel.Served model() {
        Optional<ActiveModel.Served> served = active.current();
        if (served.isEmpty()) {
            metrics.refused("no_model");
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "no model to answer with: " + active.problem());
        }
        return served.get();
    }

    /**
     * The analysis of the request body's candles (see {@link RequestFields}).
     *
     * @throws ApiException           503 without a servable model; 422 when the model is for another market
     * @throws InvalidRequestException when a field breaks a rule
     */
    public Map<String, Object> analyze(tools.jackson.databind.JsonNode body) {
        long started = System.nanoTime();
        ActiveModel.Served served = model();
        ModelDescription d = served.metadata().description();
        CandleSeries candles;
        String symbol;
        try {
            RequestFields.object(body);
            symbol = RequestFields.symbol(body);
            RequestFields.optionalPositive(body, "current_price");
            candles = RequestFields.candles(body, d.interval());
            if (candles.size() < FeatureExtractor.MIN_CANDLES) {
                throw new InvalidRequestException("timeframe_data." + d.interval().code(), "needs at least "
                        + FeatureExtractor.MIN_CANDLES + " candles for the indicators to warm up, got "
                        + candles.size());
            }
        } catch (InvalidRequestException e) {
            metrics.refused("invalid");
            throw e;
        }
        if (!symbol.equals(d.symbol())) {
            metrics.refused("other_market");
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "the serving model " + served.version()
                    + " was trained on " + d.symbol() + " " + d.interval().code() + "; there is no model for "
                    + symbol);
        }
        String key = "analyze:" + served.version() + ":" + symbol + ":" + d.interval().code() + ":"
                + candles.lastOpenTime() + ":" + windowHash(candles);
        Optional<byte[]> hit = cache.get(key);
        if (hit.isPresent()) {
            Map<String, Object> answer = JSON.readValue(hit.get(), MAP);
            answer.put("cached", true);
            metrics.answered(Duration.ofNanos(System.nanoTime() - started), true);
            return answer;
        }
        Map<String, Object> answer = compute(served, symbol, candles);
        boolean complete = true;
        if (explainer.isPresent()) {
            Explainer.Outcome outcome = explainer.get().explain(answer);
            answer.put("explanation", outcome.text());
            if (outcome.error() != null) {
                answer.put("explanation_error", outcome.error());
                complete = false;
            }
        }
        if (complete) {
            cache.put(key, JSON.writeValueAsBytes(answer), ttl);
        }
        answer.put("cached", false);
        metrics.answered(Duration.ofNanos(System.nanoTime() - started), false);
        return answer;
    }

    private Map<String, Object> compute(ActiveModel.Served served, String symbol, CandleSeries candles) {
        ModelDescription d = served.metadata().description();
        FeatureMatrix features = FeatureExtractor.compute(candles);
        int last = candles.size() - 1;
        if (last < features.firstComplete()) {
            metrics.refused("invalid");
            throw new InvalidRequestException("timeframe_data." + d.interval().code(), "the features of the last "
                    + "candle are not finite (for example 20 candles without volume): send a longer window");
        }
        double[] row = features.row(last);
        double[] medians = served.distribution().medians();
        double[][] batch = new double[row.length + 1][];
        batch[0] = row;
        for (int i = 0; i < row.length; i++) {
            batch[i + 1] = row.clone();
            batch[i + 1][i] = medians[i];
        }
        double[][] p = served.model().model().predict(batch);
        double[] probabilities = p[0];
        double score = score(probabilities);
        double threshold = served.signalThreshold();
        String signal = score > threshold ? "Long" : score < -threshold ? "Short" : "Neutral";
        Direction signalled = switch (signal) {
            case "Long" -> Direction.UP;
            case "Short" -> Direction.DOWN;
            default -> Direction.FLAT;
        };
        double confidence = probabilities[signalled.ordinal()];
        List<Map<String, Object>> reasons = reasons(row, medians, score, p);
        drift.add(served.version(), row);
        metrics.predicted(signal);

        double close = candles.close(last);
        double atr = row[Feature.ATR_RATIO.ordinal()] * close;
        String volatility = level(served.distribution(), Feature.ATR_RATIO.ordinal(), row);

        Map<String, Object> probabilityMap = new LinkedHashMap<>();
        for (Direction direction : Direction.values()) {
            probabilityMap.put(direction.name().toLowerCase(Locale.ROOT), probabilities[direction.ordinal()]);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("symbol", symbol);
        answer.put("timeframe", d.interval().code());
        answer.put("candle_open_time", candles.lastOpenTime());
        answer.put("signal", signal);
        answer.put("confidence", confidence);
        answer.put("probabilities", probabilityMap);
        answer.put("score", score);
        answer.put("signal_threshold", threshold);
        answer.put("horizon_bars", d.label().horizon());
        answer.put("flat_threshold", d.label().flatThreshold());
        answer.put("reasons", reasons);
        answer.put("reasoning", reasoning(signal, score, threshold, d, reasons));
        answer.put("strategy_scores", strategyScores(candles));
        answer.put("market_analysis", marketAnalysis(candles, row, score, threshold, volatility));
        answer.put("risk_assessment", riskAssessment(signal, close, atr, volatility));
        answer.put("model_version", served.version());
        answer.put("model_kind", d.kind().code());
        answer.put("model_trained_at", served.metadata().createdAt().toString());
        answer.put("timestamp", clock.millis());
        return answer;
    }

    private static double score(double[] probabilities) {
        return probabilities[Direction.UP.ordinal()] - probabilities[Direction.DOWN.ordinal()];
    }

    private static List<Map<String, Object>> reasons(double[] row, double[] medians, double score, double[][] p) {
        Feature[] all = Feature.values();
        List<Integer> order = new ArrayList<>();
        double[] contribution = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            contribution[i] = score - score(p[i + 1]);
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -Math.abs(contribution[i])).thenComparing(i -> i));
        List<Map<String, Object>> reasons = new ArrayList<>();
        for (int i : order.subList(0, Math.min(TOP_REASONS, order.size()))) {
            Map<String, Object> reason = new LinkedHashMap<>();
            reason.put("feature", all[i].column());
            reason.put("value", row[i]);
            reason.put("training_median", medians[i]);
            reason.put("contribution", contribution[i]);
            reason.put("description", all[i].description());
            reasons.add(reason);
        }
        return reasons;
    }

    private static String reasoning(String signal, double score, double threshold, ModelDescription d,
            List<Map<String, Object>> reasons) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s: P(up) - P(down) over the next %d "
                + "%s candles is %+.3f against a threshold of %.3f.", signal, d.label().horizon(), d.interval().code(),
                score, threshold));
        if (!reasons.isEmpty()) {
            text.append(" Largest contributions (score change versus the training median):");
            for (Map<String, Object> r : reasons) {
                text.append(String.format(Locale.ROOT, " %s %.4g (%+.3f);", r.get("feature"), (Double) r.get("value"),
                        (Double) r.get("contribution")));
            }
            text.setLength(text.length() - 1);
            text.append('.');
        }
        return text.toString();
    }

    /** Each core strategy's verdict at the last candle: +confidence for a buy, -confidence for a sell, 0 to hold. */
    private static Map<String, Object> strategyScores(CandleSeries candles) {
        Map<String, Object> scores = new LinkedHashMap<>();
        for (String name : StrategyCatalog.names()) {
            List<Signal> signals = StrategyCatalog.create(name, StrategyParameters.none()).run(candles);
            Signal last = signals.get(signals.size() - 1);
            scores.put(name, last.side() == Side.BUY ? last.confidence()
                    : last.side() == Side.SELL ? -last.confidence() : 0.0);
        }
        return scores;
    }

    private static Map<String, Object> marketAnalysis(CandleSeries candles, double[] row, double score,
            double threshold, String volatility) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("trend_direction", score > threshold ? "up" : score < -threshold ? "down" : "sideways");
        map.put("trend_strength", Math.abs(score));
        map.put("support_levels", List.of(extreme(candles, NEAR_LEVELS, false), extreme(candles, FAR_LEVELS, false)));
        map.put("resistance_levels", List.of(extreme(candles, NEAR_LEVELS, true), extreme(candles, FAR_LEVELS, true)));
        map.put("volatility_level", volatility);
        double ratio = row[Feature.VOLUME_RATIO.ordinal()];
        map.put("volume_analysis", String.format(Locale.ROOT, "volume is %.2f times its 20-candle average", ratio));
        map.put("levels_note", "support: lowest low, resistance: highest high over the last " + NEAR_LEVELS + " and "
                + FAR_LEVELS + " candles (or the whole window when shorter)");
        return map;
    }

    private static double extreme(CandleSeries candles, int bars, boolean high) {
        double value = high ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (int i = Math.max(0, candles.size() - bars); i < candles.size(); i++) {
            value = high ? Math.max(value, candles.high(i)) : Math.min(value, candles.low(i));
        }
        return value;
    }

    /** low, medium or high: the training decile of the value (first three, middle four, last three). */
    private static String level(FeatureDistribution distribution, int column, double[] row) {
        FeatureDistribution.Column c = distribution.columns().get(column);
        double below = 0;
        int bin = c.bin(row[column]);
        for (int b = 0; b < bin; b++) {
            below += c.fractions().get(b);
        }
        return below < 0.3 ? "low" : below >= 0.7 ? "high" : "medium";
    }

    private static Map<String, Object> riskAssessment(String signal, double close, double atr, String volatility) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("overall_risk", volatility);
        map.put("atr", atr);
        boolean isLong = signal.equals("Long");
        boolean isShort = signal.equals("Short");
        Double stop = null;
        Double target = null;
        if (isLong) {
            stop = close - 2 * atr;
            target = close + 3 * atr;
        } else if (isShort) {
            stop = close + 2 * atr;
            target = close - 3 * atr;
        }
        map.put("stop_loss_suggestion", stop);
        map.put("take_profit_suggestion", target);
        map.put("note", "stop 2 ATR(14) and target 3 ATR(14) from the last close; overall_risk is the volatility "
                + "level; position size is the engine's risk policy's decision, not the model's");
        return map;
    }

    /** First 16 bytes of the SHA-256 of the window's open times and values, hex. */
    static String windowHash(CandleSeries candles) {
        ByteBuffer buffer = ByteBuffer.allocate(candles.size() * 48);
        for (int i = 0; i < candles.size(); i++) {
            buffer.putLong(candles.openTime(i)).putDouble(candles.open(i)).putDouble(candles.high(i))
                    .putDouble(candles.low(i)).putDouble(candles.close(i)).putDouble(candles.volume(i));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(buffer.array());
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
