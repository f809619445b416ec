package io.botcore.app.backup;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** A backup's name is its UTC start time, {@code yyyyMMdd-HHmmss} (the manual's {@code $(date +%Y%m%d-%H%M%S)}). */
public final class BackupName {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private BackupName() {
    }

    public static String of(Instant at) {
        return FORMAT.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    public static Instant parse(String name) {
        return LocalDateTime.parse(name, FORMAT).toInstant(ZoneOffset.UTC);
    }

    public static boolean isValid(String name) {
        if (name == null || !name.matches("\\d{8}-\\d{6}")) {
            return false;
        }
        try {
            parse(name);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
