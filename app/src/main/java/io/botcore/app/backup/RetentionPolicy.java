package io.botcore.app.backup;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which backups to keep: every backup of the last {@code recent} (so hourly backups stay restorable for a
 * day), then the newest backup of each of the last {@code daily} UTC calendar days, {@code weekly} ISO weeks,
 * {@code monthly} months and {@code yearly} years, counting the current one. A backup that is the newest of
 * its period stays so once the period is over, so applying the policy every run or once gives the same set.
 *
 * @param recent keep everything younger than this
 * @param daily days kept
 * @param weekly weeks kept
 * @param monthly months kept
 * @param yearly years kept
 */
public record RetentionPolicy(Duration recent, int daily, int weekly, int monthly, int yearly) {

    /** The manual's policy: 30 daily, 12 weekly, 12 monthly, 7 yearly, plus every backup of the last 24 hours. */
    public static final RetentionPolicy STANDARD = new RetentionPolicy(Duration.ofHours(24), 30, 12, 12, 7);

    public RetentionPolicy {
        if (recent == null || recent.isNegative()) {
            throw new IllegalArgumentException("recent must be zero or positive");
        }
        if (daily < 0 || weekly < 0 || monthly < 0 || yearly < 0) {
            throw new IllegalArgumentException("daily, weekly, monthly and yearly must be >= 0");
        }
    }

    /** The backups (by start time) to keep at {@code now}; the others may be deleted. */
    public Set<Instant> keep(Collection<Instant> backups, Instant now) {
        Set<Instant> keep = new TreeSet<>();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (Instant b : backups) {
            if (!b.isBefore(now.minus(recent)) && !b.isAfter(now)) {
                keep.add(b);
            }
        }
        keep.addAll(newestPer(backups, now, d -> d.toEpochDay(), today.toEpochDay() - daily + 1));
        keep.addAll(newestPer(backups, now, RetentionPolicy::isoWeek, isoWeek(today) - weekly + 1));
        keep.addAll(newestPer(backups, now, d -> d.getYear() * 12L + d.getMonthValue() - 1,
                today.getYear() * 12L + today.getMonthValue() - 1 - monthly + 1));
        keep.addAll(newestPer(backups, now, d -> (long) d.getYear(), (long) today.getYear() - yearly + 1));
        return keep;
    }

    /** Weeks (Monday to Sunday) counted from the one starting Monday 1970-01-05 (epoch day 4). */
    private static long isoWeek(LocalDate d) {
        return Math.floorDiv(d.toEpochDay() - 4, 7);
    }

    /** The newest backup of each period numbered from {@code first} up to the one holding {@code now}. */
    private static Collection<Instant> newestPer(Collection<Instant> backups, Instant now,
            Function<LocalDate, Long> period, long first) {
        Map<Long, Instant> newest = new HashMap<>();
        for (Instant b : backups) {
            if (b.isAfter(now)) {
                continue;
            }
            long p = period.apply(LocalDate.ofInstant(b, ZoneOffset.UTC));
            if (p >= first) {
                newest.merge(p, b, (x, y) -> Comparator.<Instant>naturalOrder().compare(x, y) >= 0 ? x : y);
            }
        }
        return newest.values();
    }
}
