package io.botcore.platform.config;

import java.time.Duration;
import java.util.Locale;

/** Durations as operators type them: {@code 30s}, {@code 15m}, {@code 24h}, {@code 7d}. */
public final class ShortDuration {

    private ShortDuration() {
    }

    /** @throws IllegalArgumentException naming the expected form */
    public static Duration parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (!v.matches("\\d{1,6}[smhd]")) {
            throw new IllegalArgumentException("expected a duration like 30m, 24h or 7d");
        }
        long n = Long.parseLong(v.substring(0, v.length() - 1));
        return switch (v.charAt(v.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
