package io.botcore.app.cli;


import io.botcore.engine.EngineSettings;
import io.botcore.engine.admin.AuditLog;
import io.botcore.engine.auth.Passwords;
import io.botcore.engine.auth.Role;
import io.botcore.engine.auth.UserAccount;
import io.botcore.engine.auth.UserStore;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Accounts, managed from the host: there is no self-registration. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage accounts: add, list, disable, enable.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class})
public final class UserCommand {

    @Mixin
    ConfigOptions options = new ConfigOptions();

    <T> T withUsers(java.util.function.BiFunction<UserStore, AuditLog, T> action) {
        return EngineDatabase.with(options, db -> action.apply(new UserStore(db, Clock.systemUTC()),
                new AuditLog(db, Clock.systemUTC())));
    }

    int bcryptCost() {
        return options.load(EngineCommand.CONFIG_FILE, EngineSettings.SETTINGS, Map.of()).get(EngineSettings.BCRYPT_COST);
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a user; the password is asked twice, or read from stdin with --password-stdin.")
    static final class Add implements Callable<Integer> {

        @picocli.CommandLine.ParentCommand
        UserCommand parent;

        @Option(names = "--email", required = true, description = "login email")
        String email;

        @Option(names = "--role", required = true, description = "admin, trader or viewer")
        String role;

        @Option(names = "--password-stdin", description = "read the password from the first line of stdin (scripts)")
        boolean passwordStdin;

        @Override
        public Integer call() throws IOException {
            Role parsed;
            try {
                parsed = Role.parse(role);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(2, "--role: " + e.getMessage());
            }
            if (!email.trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw new CliFailure(2, "--email: must be an email address");
            }
            String password = passwordStdin ? readStdin() : prompt();
            Passwords.policyViolation(password, email).ifPresent(rule -> {
                throw new CliFailure(2, "password: " + rule);
            });
            String hash = new Passwords(parent.bcryptCost()).hash(password);
            UserAccount user = parent.withUsers((users, audit) -> {
                try {
                    UserAccount created = users.create(email, hash, parsed);
                    audit.record("user.added", "cli", "local", "email", created.email(), "role", created.role().id());
                    return created;
                } catch (UserStore.DuplicateUserException e) {
                    throw new CliFailure(1, e.getMessage());
                }
            });
            System.out.println("added " + user.email() + " (" + user.role().id() + "), id " + user.id());
            return 0;
        }

        private static String readStdin() throws IOException {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null) {
                throw new CliFailure(2, "password: nothing on stdin");
            }
            return line;
        }

        private static String prompt() {
            Console console = System.console();
            if (console == null) {
                throw new CliFailure(2, "no terminal to ask the password on: use --password-stdin");
            }
            String first = new String(console.readPassword("Password: "));
            String second = new String(console.readPassword("Repeat password: "));
            if (!first.equals(second)) {
                throw new CliFailure(2, "password: the two entries differ");
            }
            return first;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users: email, role, state, last login.")
    static final class ListUsers implements Callable<Integer> {

        @picocli.CommandLine.ParentCommand
        UserCommand parent;

        @Override
        public Integer call() {
            return parent.withUsers((users, audit) -> {
                String format = "%-32s %-8s %-9s %s%n";
                System.out.printf(format, "EMAIL", "ROLE", "STATE", "LAST LOGIN");
                users.all().forEach(u -> System.out.printf(format, u.email(), u.role().id(),
                        u.active() ? "active" : "disabled", u.lastLogin() == null ? "-" : u.lastLogin()));
                return 0;
            });
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable a user: login refused, every token rejected at once.")
    int disable(@Option(names = "--email", required = true, description = "the user's email") String email) {
        return withUsers((users, audit) -> setActive(users, audit, email, false));
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled user again.")
    int enable(@Option(names = "--email", required = true, description = "the user's email") String email) {
        return withUsers((users, audit) -> setActive(users, audit, email, true));
    }

    private static int setActive(UserStore users, AuditLog audit, String email, boolean active) {
        UserAccount user = users.findByEmail(email)
                .orElseThrow(() -> new CliFailure(1, "no user with email " + UserStore.normalize(email)));
        users.setActive(user.id(), active);
        audit.record(active ? "user.enabled" : "user.disabled", "cli", "local", "email", user.email());
        System.out.println((active ? "enabled " : "disabled ") + user.email());
        return 0;
    }
}
