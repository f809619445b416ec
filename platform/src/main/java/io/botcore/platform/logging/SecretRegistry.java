package io.botcore.platform.logging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Secret values known to this process (JWT key, exchange keys, database password). Every log line passes
 * through {@link #redact(String)}, so a secret that slips into a message is masked before it is written.
 *
 * <p>Thread-safe; registration is rare, redaction is on every log line.
 */
public final class SecretRegistry {

    /** Values shorter than this are too likely to occur by accident to be masked. */
    static final int MIN_LENGTH = 8;

    private static final String MASK = "****";
    private static final List<String> SECRETS = new CopyOnWriteArrayList<>();

    private SecretRegistry() {
    }

    /** Registers a secret value; short and blank values are ignored. */
    public static void register(String secret) {
        if (secret != null && secret.strip().length() >= MIN_LENGTH && !SECRETS.contains(secret)) {
            SECRETS.add(secret);
        }
    }

    /** The text with every registered secret replaced by {@code ****}. */
    public static String redact(String text) {
        if (text == null || SECRETS.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : SECRETS) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }
}
