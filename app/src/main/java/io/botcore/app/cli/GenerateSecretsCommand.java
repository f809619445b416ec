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
 *
 * <p>{@code EXCHANGE_KEY_ENCRYPTION_KEY} seals stored exchange API keys, so it is written only when absent: a
 * new one would leave them unreadable. {@code --rotate-exchange-key} rotates it safely: the current key moves to
 * {@code EXCHANGE_KEY_ENCRYPTION_KEY_PREVIOUS}, and the engine seals every stored value again at its next start.
 */
@Command(name = "generate-secrets", mixinStandardHelpOptions = true,
        description = "Write strong random secrets into .env (mode 0600); rotates them after an incident.")
public final class GenerateSecretsCommand implements Callable<Integer> {

    /** Secrets this command owns, with their size in random bytes. */
    static final Map<String, Integer> SECRETS = Map.of("JWT_SECRET", 64);

    /** The key sealing stored exchange API keys (32 bytes): written when absent, rotated only on request. */
    static final String EXCHANGE_KEY = "EXCHANGE_KEY_ENCRYPTION_KEY";
    static final String PREVIOUS_EXCHANGE_KEY = "EXCHANGE_KEY_ENCRYPTION_KEY_PREVIOUS";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    @Option(names = "--env-file", paramLabel = "FILE", defaultValue = ".env",
            description = "file to write (default: ${DEFAULT-VALUE})")
    String envFile;

    @Option(names = "--rotate-exchange-key", description = "also replace EXCHANGE_KEY_ENCRYPTION_KEY; the current "
            + "one is kept as EXCHANGE_KEY_ENCRYPTION_KEY_PREVIOUS until the engine has sealed every stored key again")
    boolean rotateExchangeKey;

    @Override
    public Integer call() {
        Path path = Home.resolve(envFile);
        boolean existed = Files.exists(path);
        Path backup = path.resolveSibling(path.getFileName() + ".backup-" + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)));
        Map<String, String> secrets = write(path, existed ? backup : null, rotateExchangeKey);
        System.out.println("wrote " + String.join(", ", secrets.keySet()) + " to " + path + " (mode 0600)");
        if (existed) {
            System.out.println("previous file kept as " + backup + " (mode 0600)");
            System.out.println("restart the services to use the new secrets; tokens signed with the old key "
                    + "are rejected from then on");
        }
        if (secrets.containsKey(PREVIOUS_EXCHANGE_KEY)) {
            System.out.println("exchange key rotated: the engine seals stored exchange API keys again at its next "
                    + "start; then remove " + PREVIOUS_EXCHANGE_KEY + " from " + path);
        }
        return 0;
    }

    /**
     * Writes fresh secrets into {@code path} (0600), copying a previous file to {@code backup} when not null.
     *
     * @param rotateExchangeKey replace an existing exchange key too, keeping it as the previous one
     * @return the names and values written
     */
    static Map<String, String> write(Path path, Path backup, boolean rotateExchangeKey) {
        SecureRandom random = new SecureRandom();
        Map<String, String> secrets = new LinkedHashMap<>();
        SECRETS.forEach((name, bytes) -> secrets.put(name, random(random, bytes)));
        EnvFile env = EnvFile.read(path);
        String current = env.values().get(EXCHANGE_KEY);
        if (current == null || current.isBlank()) {
            secrets.put(EXCHANGE_KEY, random(random, 32));
        } else if (rotateExchangeKey) {
            secrets.put(PREVIOUS_EXCHANGE_KEY, current);
            secrets.put(EXCHANGE_KEY, random(random, 32));
        }
        env.with(secrets).write(path, backup);
        return secrets;
    }

    private static String random(SecureRandom random, int bytes) {
        byte[] key = new byte[bytes];
        random.nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }
}
