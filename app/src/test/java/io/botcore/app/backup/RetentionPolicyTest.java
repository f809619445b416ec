package io.botcore.app.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-03T02:30:00Z");

    @Test
    void shouldKeepThirtyDailyTwelveWeeklyTwelveMonthlySevenYearlyOnNineYearsOfDailyBackups() {
        List<Instant> daily = dailyAt0200(LocalDate.parse("2018-01-01"), LocalDate.parse("2026-12-03"));

        Set<Instant> kept = RetentionPolicy.STANDARD.keep(daily, NOW);

        List<Instant> expected = new ArrayList<>();
        // 30 days: 2026-11-04 .. 2026-12-03
        expected.addAll(dailyAt0200(LocalDate.parse("2026-11-04"), LocalDate.parse("2026-12-03")));
        // 12 weeks (Mon-Sun): this week's newest is 12-03 (Thursday); the 11 weeks before end on Sundays,
        // of which 11-29, 11-22, 11-15, 11-08 are already kept as days
        expected.addAll(at0200("2026-11-01", "2026-10-25", "2026-10-18", "2026-10-11", "2026-10-04",
                "2026-09-27", "2026-09-20"));
        // 12 months: month ends Jan..Oct 2026 (11-30 and 12-03 are already kept)
        expected.addAll(at0200("2026-10-31", "2026-09-30", "2026-08-31", "2026-07-31", "2026-06-30", "2026-05-31",
                "2026-04-30", "2026-03-31", "2026-02-28", "2026-01-31"));
        // 7 years: year ends 2020..2025 (2026's newest is 12-03)
        expected.addAll(at0200("2025-12-31", "2024-12-31", "2023-12-31", "2022-12-31", "2021-12-31", "2020-12-31"));

        assertThat(kept).containsExactlyInAnyOrderElementsOf(expected).hasSize(53);
    }

    @Test
    void shouldKeepEveryHourlyBackupOfTheLastDayAndOneADayBefore() {
        List<Instant> hourly = new ArrayList<>();
        for (Instant t = Instant.parse("2026-11-28T00:00:00Z"); !t.isAfter(NOW); t = t.plusSeconds(3600)) {
            hourly.add(t);
        }

        Set<Instant> kept = RetentionPolicy.STANDARD.keep(hourly, NOW);

        // 24 h back from 02:30: 12-02T03:00 .. 12-03T02:00 (24 backups), plus the newest of 11-28 .. 12-02
        // (23:00 each; 12-02T23:00 is already among the 24)
        assertThat(kept).hasSize(24 + 4)
                .contains(Instant.parse("2026-12-02T03:00:00Z"), Instant.parse("2026-12-01T23:00:00Z"),
                        Instant.parse("2026-11-28T23:00:00Z"))
                .doesNotContain(Instant.parse("2026-12-02T02:00:00Z"), Instant.parse("2026-12-01T22:00:00Z"));
    }

    @Test
    void shouldGiveTheSameSetWhenPrunedAfterEveryDailyRunForYears() {
        RetentionPolicy policy = RetentionPolicy.STANDARD;
        TreeSet<Instant> stored = new TreeSet<>();
        for (Instant run : dailyAt0200(LocalDate.parse("2019-03-15"), LocalDate.parse("2026-12-03"))) {
            stored.add(run);
            stored.retainAll(policy.keep(stored, run.plusSeconds(1800)));
        }
        Set<Instant> oneShot = policy.keep(dailyAt0200(LocalDate.parse("2019-03-15"), LocalDate.parse("2026-12-03")), NOW);
        assertThat(stored).isEqualTo(oneShot);
        assertThat(stored.first()).isEqualTo(Instant.parse("2020-12-31T02:00:00Z"));
    }

    private static List<Instant> dailyAt0200(LocalDate from, LocalDate to) {
        return Stream.iterate(from, d -> !d.isAfter(to), d -> d.plusDays(1))
                .map(d -> d.atTime(2, 0).toInstant(ZoneOffset.UTC)).toList();
    }

    private static List<Instant> at0200(String... days) {
        return Stream.of(days).map(d -> LocalDate.parse(d).atTime(2, 0).toInstant(ZoneOffset.UTC)).toList();
    }
}
