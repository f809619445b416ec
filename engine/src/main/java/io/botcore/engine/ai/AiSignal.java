package io.botcore.engine.ai;

import io.botcore.core.strategy.Side;
import java.time.Instant;
import java.util.Objects;

/**
 * One answer of the AI service's {@code POST /api/ai/analyze}, as the engine uses it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param side           BUY for Long, SELL for Short, HOLD for Neutral
 * @param confidence     probability of the signalled class, in [0, 1]
 * @param score          {@code P(up) - P(down)}
 * @param pUp            probability of an up move over the model's horizon
 * @param pDown          probability of a down move
 * @param modelVersion   registry version of the model that answered
 * @param modelTrainedAt when that model was registered
 * @param candleOpenTime open time of the candle the answer is for, epoch milliseconds
 */
public record AiSignal(Side side, double confidence, double score, double pUp, double pDown, String modelVersion,
        Instant modelTrainedAt, long candleOpenTime) {

    public AiSignal {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(modelTrainedAt, "modelTrainedAt");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1] but is " + confidence);
        }
    }
}
