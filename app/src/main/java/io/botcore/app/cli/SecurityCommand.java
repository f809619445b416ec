package io.botcore.app.cli;

import io.botcore.engine.admin.AuditLog;
import io.botcore.engine.admin.IpBlocklist;

import java.time.Clock;
import java.util.concurrent.Callable;

import org.bson.Document;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The manual's "block malicious IPs", for every engine at once. */
@Command(name = "security", mixinStandardHelpOptions = true, description = "IP deny list: block-ip, unblock-ip, list.",
        subcommands = {SecurityCommand.Block.class, SecurityCommand.Unblock.class, SecurityCommand.ListBlocks.class})
public final class SecurityCommand {

    @Mixin
    ConfigOptions options = new ConfigOptions();

    static String range(String value) {
        try {
            return IpBlocklist.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(2, "ADDR: " + e.getMessage());
        }
    }

    @Command(name = "block-ip", mixinStandardHelpOptions = true,
            description = "Refuse an address or CIDR range on every engine within a second (persisted).")
    static final class Block implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        SecurityCommand parent;

        @Parameters(index = "0", paramLabel = "ADDR", description = "IPv4/IPv6 address or CIDR range")
        String address;

        @Option(names = "--reason", defaultValue = "", description = "why (kept in the list and the audit log)")
        String reason;

        @Override
        public Integer call() {
            String r = range(address);
            EngineDatabase.with(parent.options, db -> {
                new IpBlocklist(db, Clock.systemUTC()).block(r, reason, "cli");
                new AuditLog(db, Clock.systemUTC()).record("ip.blocked", "cli", "local", "range", r, "reason", reason);
                return null;
            });
            System.out.println("blocked " + r + "; every engine refuses it within a second");
            return 0;
        }
    }

    @Command(name = "unblock-ip", mixinStandardHelpOptions = true, description = "Remove an address or range from the list.")
    static final class Unblock implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        SecurityCommand parent;

        @Parameters(index = "0", paramLabel = "ADDR", description = "the blocked address or range")
        String address;

        @Override
        public Integer call() {
            String r = range(address);
            boolean removed = EngineDatabase.with(parent.options, db -> {
                boolean done = new IpBlocklist(db, Clock.systemUTC()).unblock(r);
                if (done) {
                    new AuditLog(db, Clock.systemUTC()).record("ip.unblocked", "cli", "local", "range", r);
                }
                return done;
            });
            if (!removed) {
                throw new CliFailure(1, r + " is not blocked");
            }
            System.out.println("unblocked " + r);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List blocked addresses and ranges.")
    static final class ListBlocks implements Callable<Integer> {
        @picocli.CommandLine.ParentCommand
        SecurityCommand parent;

        @Override
        public Integer call() {
            String format = "%-40s %-26s %-20s %s%n";
            System.out.printf(format, "ADDRESS", "SINCE (UTC)", "BY", "REASON");
            for (Document d : EngineDatabase.with(parent.options, db -> new IpBlocklist(db, Clock.systemUTC()).list())) {
                System.out.printf(format, d.getString("_id"), d.getDate("at").toInstant(), d.get("by"), d.get("reason"));
            }
            return 0;
        }
    }
}
