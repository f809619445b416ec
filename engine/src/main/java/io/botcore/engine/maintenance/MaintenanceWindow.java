package io.botcore.engine.maintenance;

import io.botcore.platform.config.Setting;
import io.botcore.platform.config.ValueParser;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standard maintenance window, written as operators say it: {@code "2nd saturday 02:00-06:00"} (the
 * manual's "every 2nd Saturday, 2:00 AM - 6:00 AM UTC", read as the second Saturday of each month),
 * {@code "last sunday 01:00-03:00"} or {@code "every saturday 02:00-06:00"}. Times are UTC; the end may be past
 * midnight ({@code 23:00-01:00}).
 *
 * @param ordinal 1..4 for the n-th weekday of the month, -1 for the last, 0 for every week
 * @param day weekday
 * @param start start time (UTC)
 * @param end end time (UTC)
 */
public record MaintenanceWindow(int ordinal, DayOfWeek day, LocalTime start, LocalTime end) {

    private static final Pattern FORM = Pattern.compile(
            "(?i)\\s*(1st|2nd|3rd|4th|last|every)\\s+([a-z]+)\\s+(\\d{2}:\\d{2})\\s*-\\s*(\\d{2}:\\d{2})\\s*");

    /** {@code maintenance.window}: the standard window {@code maintenance status} announces. */
    public static final Setting<MaintenanceWindow> SETTING = Setting.of("maintenance.window",
            parse("2nd saturday 02:00-06:00"), new ValueParser<>() {
                @Override
                public MaintenanceWindow parse(Object raw) {
                    return MaintenanceWindow.parse(String.valueOf(raw));
                }

                @Override
                public String expected() {
                    return "a window like \"2nd saturday 02:00-06:00\" (1st..4th, last or every; a weekday; UTC times)";
                }
            }, "standard maintenance window (UTC)");

    /**
     * An occurrence of the window.
     *
     * @param start when it opens
     * @param end when it closes
     */
    public record Occurrence(Instant start, Instant end) {
    }

    public MaintenanceWindow {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (ordinal < -1 || ordinal > 4) {
            throw new IllegalArgumentException("ordinal must be -1 (last), 0 (every) or 1..4");
        }
        if (start.equals(end)) {
            throw new IllegalArgumentException("start and end must differ");
        }
    }

    /** @throws IllegalArgumentException naming the expected form */
    public static MaintenanceWindow parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a window like \"2nd saturday 02:00-06:00\", got \"" + text + "\"");
        }
        int ordinal = switch (m.group(1).toLowerCase(Locale.ROOT)) {
            case "1st" -> 1;
            case "2nd" -> 2;
            case "3rd" -> 3;
            case "4th" -> 4;
            case "last" -> -1;
            default -> 0;
        };
        DayOfWeek day;
        try {
            day = DayOfWeek.valueOf(m.group(2).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + m.group(2) + "\" is not a weekday (monday .. sunday)");
        }
        try {
            return new MaintenanceWindow(ordinal, day, LocalTime.parse(m.group(3)), LocalTime.parse(m.group(4)));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("times must be HH:MM from 00:00 to 23:59, got " + m.group(3) + "-" + m.group(4));
        }
    }

    /** The window in progress at {@code now}, else the next one. */
    public Occurrence currentOrNext(Instant now) {
        LocalDate date = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1);
        for (int i = 0; i < 70; i++, date = date.plusDays(1)) {
            if (matches(date)) {
                Instant open = date.atTime(start).toInstant(ZoneOffset.UTC);
                Instant close = (end.isAfter(start) ? date : date.plusDays(1)).atTime(end).toInstant(ZoneOffset.UTC);
                if (now.isBefore(close)) {
                    return new Occurrence(open, close);
                }
            }
        }
        throw new IllegalStateException("no window within 70 days of " + now);
    }

    private boolean matches(LocalDate date) {
        if (date.getDayOfWeek() != day) {
            return false;
        }
        return switch (ordinal) {
            case 0 -> true;
            case -1 -> date.equals(date.with(TemporalAdjusters.lastInMonth(day)));
            default -> date.equals(date.with(TemporalAdjusters.dayOfWeekInMonth(ordinal, day)));
        };
    }

    @Override
    public String toString() {
        String which = switch (ordinal) {
            case 0 -> "every";
            case -1 -> "last";
            case 1 -> "1st";
            case 2 -> "2nd";
            case 3 -> "3rd";
            default -> "4th";
        };
        return which + " " + day.name().toLowerCase(Locale.ROOT) + " " + start + "-" + end;
    }
}
