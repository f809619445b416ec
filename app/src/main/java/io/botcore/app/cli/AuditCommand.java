package io.botcore.app.cli;

import io.botcore.engine.admin.AuditLog;
import io.botcore.platform.config.ShortDuration;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Print the audit log: logins, refreshes, password and user changes, log level, IP blocks.")
public final class AuditCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--since", defaultValue = "24h", description = "how far back: 30m, 24h, 7d (default: ${DEFAULT-VALUE})")
    String since;

    @Option(names = "--type", description = "only one event type, e.g. login.failed")
    String type;

    @Option(names = "--limit", defaultValue = "1000", description = "at most this many events (default: ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() {
        Duration back = parse(since);
        List<AuditLog.Event> events = EngineDatabase.with(options, db -> new AuditLog(db, Clock.systemUTC())
                .since(Clock.systemUTC().instant().minus(back), type, limit));
        String format = "%-24s %-20s %-28s %-16s %s%n";
        System.out.printf(format, "TIME (UTC)", "EVENT", "ACTOR", "ADDRESS", "DETAILS");
        for (AuditLog.Event e : events) {
            System.out.printf(format, e.at().toString(), e.type(), e.actor(), e.address(), e.details().isEmpty() ? ""
                    : e.details().toString());
        }
        return 0;
    }

    static Duration parse(String value) {
        try {
            return ShortDuration.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(2, "--since: " + e.getMessage());
        }
    }
}
