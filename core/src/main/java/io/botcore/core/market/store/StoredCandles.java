package io.botcore.core.market.store;

import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Gap;
import java.util.List;
import java.util.Objects;

/**
 * Candles loaded from a {@link CandleStore}, with the gaps found in them (missing intervals between
 * consecutive loaded candles; none is filled).
 *
 * <p>Immutable and thread-safe.
 *
 * @param series the candles, in time order
 * @param gaps   the gaps of {@code series}, in time order
 */
public record StoredCandles(CandleSeries series, List<Gap> gaps) {

    public StoredCandles {
        Objects.requireNonNull(series, "series");
        gaps = List.copyOf(gaps);
    }

    /** Total number of missing candles over all gaps. */
    public long missingCount() {
        return gaps.stream().mapToLong(Gap::missingCount).sum();
    }
}
