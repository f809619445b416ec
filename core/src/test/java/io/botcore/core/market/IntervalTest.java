package io.botcore.core.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IntervalTest {

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void codesAndLengthsAreBinances() {
        assertThat(Interval.M1.code()).isEqualTo("1m");
        assertThat(Interval.M1.millis()).isEqualTo(60_000L);
        assertThat(Interval.M15.millis()).isEqualTo(900_000L);
        assertThat(Interval.H1.millis()).isEqualTo(3_600_000L);
        assertThat(Interval.H12.code()).isEqualTo("12h");
        assertThat(Interval.D1.millis()).isEqualTo(86_400_000L);
        assertThat(Interval.D3.millis()).isEqualTo(259_200_000L);
        assertThat(Interval.W1.millis()).isEqualTo(604_800_000L);
        assertThat(Interval.values()).extracting(Interval::code).containsExactly(
                "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w");
    }

    @Test
    void fromCodeFindsEveryIntervalByItsCode() {
        for (Interval interval : Interval.values()) {
            assertThat(Interval.fromCode(interval.code())).isSameAs(interval);
        }
    }

    @Test
    void fromCodeRejectsAnUnknownCodeListingTheValidOnes() {
        assertThatThrownBy(() -> Interval.fromCode("1H"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'1H'")
                .hasMessageContaining("1m, 3m, 5m");
    }

    @Test
    void hourlyCandlesOpenOnTheHour() {
        assertThat(Interval.H1.isAligned(at("2024-03-05T17:00:00Z"))).isTrue();
        assertThat(Interval.H1.isAligned(at("2024-03-05T17:30:00Z"))).isFalse();
        assertThat(Interval.H4.isAligned(at("2024-03-05T16:00:00Z"))).isTrue();
        assertThat(Interval.H4.isAligned(at("2024-03-05T17:00:00Z"))).isFalse();
    }

    @Test
    void weeklyCandlesOpenOnMonday() {
        assertThat(Interval.W1.isAligned(at("2024-01-01T00:00:00Z"))).as("a Monday").isTrue();
        assertThat(Interval.W1.isAligned(at("2024-01-04T00:00:00Z"))).as("a Thursday").isFalse();
        assertThat(Interval.W1.isAligned(at("1969-12-29T00:00:00Z"))).as("a Monday before the epoch").isTrue();
    }

    @Test
    void threeDayCandlesOpenAtMidnight() {
        assertThat(Interval.D3.isAligned(at("2024-01-02T00:00:00Z"))).isTrue();
        assertThat(Interval.D3.isAligned(at("2024-01-02T12:00:00Z"))).isFalse();
    }
}
