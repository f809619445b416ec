package io.botcore.core.risk;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The risk policy's answer to an entry: approved with a size, or refused with a reason.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface RiskDecision permits RiskDecision.Approved, RiskDecision.Refused {

    /** Whether the entry may be sent. */
    boolean isApproved();

    /**
     * Send an entry of this size.
     *
     * @param quantity base asset, on the symbol's step, at least its minimum
     * @param notional quantity times the reference price, quote asset
     */
    record Approved(BigDecimal quantity, BigDecimal notional) implements RiskDecision {

        public Approved {
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(notional, "notional");
        }

        @Override
        public boolean isApproved() {
            return true;
        }
    }

    /**
     * Do not enter.
     *
     * @param reason why, as a closed set
     * @param detail the numbers behind it
     */
    record Refused(RefusalReason reason, String detail) implements RiskDecision {

        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public boolean isApproved() {
            return false;
        }
    }
}
