package io.botcore.ai.training;

import io.botcore.ai.registry.ModelMetadata;
import io.botcore.core.market.Interval;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a training run produced.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol           market trained on
 * @param interval         candle interval
 * @param options          the options used
 * @param walkForward      the out-of-sample evaluation
 * @param registered       the final models (trained on every labelled bar), as registered, in model order
 * @param promoted         the version made active by this run, if any
 * @param promotionNote    why a model was or was not promoted
 * @param report           the Markdown report
 * @param walkForwardTime  wall time of the walk-forward (all folds, all models, scoring)
 * @param finalTrainTime   wall time of training and registering the final models
 */
public record TrainingResult(String symbol, Interval interval, TrainingOptions options,
        WalkForwardResult walkForward, List<ModelMetadata> registered, Optional<String> promoted,
        String promotionNote, Path report, Duration walkForwardTime, Duration finalTrainTime) {

    public TrainingResult {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(walkForward, "walkForward");
        Objects.requireNonNull(promoted, "promoted");
        Objects.requireNonNull(promotionNote, "promotionNote");
        Objects.requireNonNull(report, "report");
        registered = List.copyOf(registered);
    }
}
