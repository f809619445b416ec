package io.botcore.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.botcore.exchange.ExchangeBannedException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RequestWeightBudgetTest {

    /** A clock that the budget's sleeps move forward. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2025-01-01T10:00:20Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final List<Duration> sleeps = new ArrayList<>();
    private final RequestWeightBudget budget = new RequestWeightBudget(10, clock, d -> {
        sleeps.add(d);
        clock.now = clock.now.plus(d);
    });

    @Test
    void shouldWaitForTheNextMinuteWhenTheWeightDoesNotFit() throws InterruptedException {
        budget.acquire(4);
        budget.acquire(4);
        assertThat(sleeps).isEmpty();

        budget.acquire(4);

        assertThat(sleeps).containsExactly(Duration.ofMillis(40_050));
        assertThat(budget.usedThisMinute()).isEqualTo(4);
    }

    @Test
    void shouldTrustTheExchangesCountWhenItIsHigher() throws InterruptedException {
        budget.reportUsed(9);

        budget.acquire(2);

        assertThat(sleeps).hasSize(1);
    }

    @Test
    void shouldRefuseEveryRequestDuringABan() {
        budget.banned(clock.now.plusSeconds(120));

        assertThatThrownBy(() -> budget.acquire(1)).isInstanceOf(ExchangeBannedException.class)
                .hasMessageContaining("until 2025-01-01T10:02:20Z");
    }
}
