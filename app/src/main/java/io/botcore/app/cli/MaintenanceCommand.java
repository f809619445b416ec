package io.botcore.app.cli;

import io.botcore.engine.EngineSettings;
import io.botcore.engine.admin.AuditLog;
import io.botcore.engine.maintenance.Maintenance;
import io.botcore.engine.maintenance.MaintenanceWindow;
import io.botcore.platform.config.ConfigException;
import io.botcore.platform.config.ShortDuration;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "maintenance", mixinStandardHelpOptions = true,
        description = {"Maintenance mode for every engine (stored in the database, picked up within a second): "
                + "mutating API requests of non-admins answer 503 with the message, /api/health says maintenance, "
                + "bots place no new orders. It ends with 'off' or by itself at --until.",
            "status also shows the next standard window (maintenance.window, default \"2nd saturday 02:00-06:00\" UTC)."})
public final class MaintenanceCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Parameters(index = "0", paramLabel = "ACTION", description = "on, off or status")
    String action;

    @Option(names = "--message", description = "what users are told (required for on)")
    String message;

    @Option(names = "--until", paramLabel = "WHEN", description = "when it ends by itself: an ISO time "
            + "(2026-12-12T06:00:00Z), a duration from now (90m, 4h), or 'window' (the end of the standard window "
            + "in progress)")
    String until;

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        MaintenanceWindow window;
        try {
            window = options.load(EngineCommand.CONFIG_FILE, EngineSettings.SETTINGS, Map.of()).get(MaintenanceWindow.SETTING);
        } catch (ConfigException e) {
            throw new CliFailure(ConfigErrors.EXIT_CONFIG, String.join("; ", e.problems()));
        }
        return EngineDatabase.with(options, db -> switch (action) {
            case "on" -> {
                if (message == null || message.isBlank()) {
                    throw new CliFailure(2, "--message: is required to switch maintenance on");
                }
                Instant end = until == null ? null : end(until, window, clock.instant());
                Maintenance.on(db, message, end, "cli", clock);
                new AuditLog(db, clock).record("maintenance.on", "cli", "local", "message", message.strip(),
                        "until", end == null ? "off" : end.toString());
                System.out.println("maintenance on" + (end == null ? " until switched off" : " until " + end)
                        + ": every engine refuses changes by non-admins within a second");
                yield 0;
            }
            case "off" -> {
                Maintenance.off(db);
                new AuditLog(db, clock).record("maintenance.off", "cli", "local");
                System.out.println("maintenance off");
                yield 0;
            }
            case "status" -> {
                Instant now = clock.instant();
                System.out.println(Maintenance.state(db).map(s -> s.activeAt(now)
                        ? "on since " + s.since() + " (" + s.by() + "): " + s.message()
                                + (s.until() == null ? "" : "; ends " + s.until())
                        : "off (ended " + s.until() + ")").orElse("off"));
                MaintenanceWindow.Occurrence next = window.currentOrNext(now);
                System.out.println("standard window (" + window + " UTC): "
                        + (now.isBefore(next.start()) ? "next " : "now, ") + next.start() + " .. " + next.end());
                yield 0;
            }
            default -> throw new CliFailure(2, "ACTION: must be on, off or status");
        });
    }

    private static Instant end(String text, MaintenanceWindow window, Instant now) {
        if (text.equals("window")) {
            MaintenanceWindow.Occurrence w = window.currentOrNext(now);
            if (now.isBefore(w.start())) {
                throw new CliFailure(2, "--until window: no standard window in progress (next opens " + w.start() + ")");
            }
            return w.end();
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            try {
                return now.plus(ShortDuration.parse(text)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(2, "--until: expected an ISO time like 2026-12-12T06:00:00Z, a duration like 4h, "
                        + "or 'window'; got " + text);
            }
        }
    }
}
