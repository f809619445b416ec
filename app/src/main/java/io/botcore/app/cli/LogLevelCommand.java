package io.botcore.app.cli;

import io.botcore.engine.admin.AuditLog;
import io.botcore.engine.admin.RuntimeLogLevel;

import java.time.Clock;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "log-level", mixinStandardHelpOptions = true,
        description = "Change the log level of every running engine without a restart (trace, debug, info, warn, error).")
public final class LogLevelCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Parameters(index = "0", paramLabel = "LEVEL", description = "trace, debug, info, warn or error")
    String level;

    @Override
    public Integer call() {
        String parsed;
        try {
            parsed = RuntimeLogLevel.parse(level);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(2, "LEVEL: " + e.getMessage());
        }
        EngineDatabase.with(options, db -> {
            RuntimeLogLevel.store(db, parsed, "cli", Clock.systemUTC());
            new AuditLog(db, Clock.systemUTC()).record("log_level.changed", "cli", "local", "to", parsed);
            return null;
        });
        System.out.println("log level " + parsed + " stored; every running engine applies it within a second");
        return 0;
    }
}
