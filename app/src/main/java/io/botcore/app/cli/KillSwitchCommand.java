package io.botcore.app.cli;

import io.botcore.engine.admin.AuditLog;
import io.botcore.engine.trading.KillSwitch;

import java.time.Clock;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "kill-switch", mixinStandardHelpOptions = true,
        description = {"Stop every bot at once: each cancels its open orders and closes its positions, and no bot "
                + "starts again until the switch is released.",
            "Acts through the database, so every running engine carries it out within a second."})
public final class KillSwitchCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Parameters(index = "0", paramLabel = "ACTION", description = "engage, release or status")
    String action;

    @Option(names = "--reason", description = "why (required to engage); kept in the audit log")
    String reason;

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        return EngineDatabase.with(options, db -> switch (action) {
            case "engage" -> {
                if (reason == null || reason.isBlank()) {
                    throw new CliFailure(2, "--reason: is required to engage the kill switch");
                }
                long asked = KillSwitch.engage(db, reason.strip(), "cli", clock);
                new AuditLog(db, clock).record("kill_switch.engaged", "cli", "local", "reason", reason.strip(),
                        "bots", asked);
                System.out.println("kill switch engaged: " + asked + " running bots asked to stop; every engine "
                        + "closes their positions within a second. ./bot-core kill-switch status shows it.");
                yield 0;
            }
            case "release" -> {
                KillSwitch.release(db, "cli", clock);
                new AuditLog(db, clock).record("kill_switch.released", "cli", "local");
                System.out.println("kill switch released: bots may be started again (they do not start by themselves)");
                yield 0;
            }
            case "status" -> {
                System.out.println(KillSwitch.state(db).map(s -> s.engaged()
                        ? "engaged since " + s.at() + " by " + s.by() + ": " + s.reason()
                        : "released (" + s.at() + " by " + s.by() + ")").orElse("released (never engaged)"));
                yield 0;
            }
            default -> throw new CliFailure(2, "ACTION: must be engage, release or status");
        });
    }
}
