package io.botcore.engine.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class MaintenanceWindowTest {

    private static final MaintenanceWindow STANDARD = MaintenanceWindow.parse("2nd saturday 02:00-06:00");

    @Test
    void shouldFindTheSecondSaturdayOfTheMonth() {
        // December 2026: Saturdays 5, 12, 19, 26; January 2027: 2, 9, ...
        assertThat(STANDARD.currentOrNext(Instant.parse("2026-12-03T10:00:00Z"))).isEqualTo(new MaintenanceWindow.Occurrence(
                Instant.parse("2026-12-12T02:00:00Z"), Instant.parse("2026-12-12T06:00:00Z")));
        assertThat(STANDARD.currentOrNext(Instant.parse("2026-12-12T05:59:59Z")).start())
                .isEqualTo(Instant.parse("2026-12-12T02:00:00Z"));
        assertThat(STANDARD.currentOrNext(Instant.parse("2026-12-12T06:00:00Z")).start())
                .isEqualTo(Instant.parse("2027-01-09T02:00:00Z"));
    }

    @Test
    void shouldHandleLastEveryAndWindowsPastMidnight() {
        MaintenanceWindow night = MaintenanceWindow.parse("Last Sunday 23:00-01:00");
        assertThat(night.currentOrNext(Instant.parse("2026-12-28T00:30:00Z"))).isEqualTo(new MaintenanceWindow.Occurrence(
                Instant.parse("2026-12-27T23:00:00Z"), Instant.parse("2026-12-28T01:00:00Z")));
        assertThat(MaintenanceWindow.parse("every wednesday 02:00-03:00").currentOrNext(Instant.parse("2026-12-03T00:00:00Z"))
                .start()).isEqualTo(Instant.parse("2026-12-09T02:00:00Z"));
        assertThat(night).hasToString("last sunday 23:00-01:00");
    }

    @Test
    void shouldNameTheExpectedFormOnBadInput() {
        assertThatThrownBy(() -> MaintenanceWindow.parse("second saturday")).hasMessageContaining("2nd saturday 02:00-06:00");
        assertThatThrownBy(() -> MaintenanceWindow.parse("2nd caturday 02:00-06:00")).hasMessageContaining("not a weekday");
        assertThatThrownBy(() -> MaintenanceWindow.parse("2nd saturday 25:00-06:00")).hasMessageContaining("HH:MM");
    }
}
