package io.botcore.app.cli;

import com.mongodb.client.MongoClient;

import io.botcore.engine.auth.Passwords;
import io.botcore.engine.auth.Role;
import io.botcore.engine.auth.UserStore;
import io.botcore.platform.mongo.DatabaseSettings;
import io.botcore.platform.mongo.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

/**
 * The demo's account: created on the first demo run with a random password, kept in
 * {@code data/demo-credentials} (mode 0600) so later runs can print it again.
 */
final class DemoUser {

    static final String EMAIL = "demo@bot-core.local";

    private DemoUser() {
    }

    /** Makes sure the demo user exists and returns the line to print. */
    static String ensure(String databaseUrl, Path credentials) {
        try (MongoClient client = MongoClients.create(DatabaseSettings.of(databaseUrl), new SimpleMeterRegistry())) {
            UserStore users = new UserStore(client.getDatabase(DatabaseSettings.of(databaseUrl).databaseName()),
                    Clock.systemUTC());
            if (users.findByEmail(EMAIL).isPresent()) {
                return Files.exists(credentials) ? read(credentials)
                        : EMAIL + " (password shown on the first demo run; add another with ./bot-core user add)";
            }
            byte[] bytes = new byte[12];
            new SecureRandom().nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            users.create(EMAIL, new Passwords(11).hash(password), Role.ADMIN);
            String line = EMAIL + " / " + password + "   (admin; POST /api/auth/login)";
            write(credentials, line);
            return line;
        }
    }

    private static String read(Path credentials) {
        try {
            return Files.readString(credentials, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path credentials, String line) {
        try {
            Files.createDirectories(credentials.getParent());
            Files.deleteIfExists(credentials);
            Files.createFile(credentials, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(credentials, List.of(line), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
