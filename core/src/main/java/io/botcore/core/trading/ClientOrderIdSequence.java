package io.botcore.core.trading;

import io.botcore.core.execution.ClientOrderId;
import java.util.Objects;

/**
 * Deterministic client order ids {@code <prefix>-1}, {@code <prefix>-2}, ...: the same run gives the same ids,
 * and a caller that persists the counter (or uses a fresh prefix per run) never reuses one.
 *
 * <p>Not thread-safe.
 */
public final class ClientOrderIdSequence {

    private final String prefix;
    private long next;

    /**
     * @param prefix id prefix, letters, digits and {@code . : / _ -}, short enough that ids stay within
     *               {@link io.botcore.core.execution.OrderRequest#MAX_BRACKET_ID_LENGTH}
     * @param first  number of the first id
     */
    public ClientOrderIdSequence(String prefix, long first) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        if (first < 0) {
            throw new IllegalArgumentException("first must be >= 0 but is " + first);
        }
        this.next = first;
        ClientOrderId.of(prefix + "-" + first);
    }

    /** The next id. */
    public ClientOrderId next() {
        return ClientOrderId.of(prefix + "-" + next++);
    }
}
