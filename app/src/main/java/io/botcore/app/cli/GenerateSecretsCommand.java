package io.botcore.app.cli;

import io.botcore.platform.config.EnvFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes fresh random secrets into {@code .env} (mode 0600), keeping every other line, after copying the
 * previous file to {@code .env.backup-<UTC time>}. Running it again rotates the secrets: every token
 * signed with the old key stops working once the services restart.
 */
@Command(name = "generate-secrets", mixinStandardHelpOptions = true,
        description = "Write strong random secrets into .env (mode 0600); rotates them after an incident.")
public final class GenerateSecretsCommand implements Callable<Integer> {

    /** Secrets this command owns, with their size in random bytes. */
    static final Map<String, Integer> SECRETS = Map.of("JWT_SECRET", 64);

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    @Option(names = "--env-file", paramLabel = "FILE", defaultValue = ".env",
            description = "file to write (default: ${DEFAULT-VALUE})")
    String envFile;

    @Override
    public Integer call() {
        Path path = Home.resolve(envFile);
        boolean existed = Files.exists(path);
        Path backup = path.resolveSibling(path.getFileName() + ".backup-" + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)));
        Map<String, String> secrets = write(path, existed ? backup : null);
        System.out.println("wrote " + String.join(", ", secrets.keySet()) + " to " + path + " (mode 0600)");
        if (existed) {
            System.out.println("previous file kept as " + backup + " (mode 0600)");
            System.out.println("restart the services to use the new secrets; tokens signed with the old key "
                    + "are rejected from then on");
        }
        return 0;
    }

    /** Writes fresh secrets into {@code path} (0600), copying a previous file to {@code backup} when not null. */
    static Map<String, String> write(Path path, Path backup) {
        SecureRandom random = new SecureRandom();
        Map<String, String> secrets = new LinkedHashMap<>();
        SECRETS.forEach((name, bytes) -> {
            byte[] key = new byte[bytes];
            random.nextBytes(key);
            secrets.put(name, Base64.getUrlEncoder().withoutPadding().encodeToString(key));
        });
        EnvFile.read(path).with(secrets).write(path, backup);
        return secrets;
    }
}
