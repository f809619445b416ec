package io.botcore.engine.auth;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Password hashing (bcrypt; cost 11 takes about 130 ms on the reference machine, see docs) and the
 * minimum policy. Checking a login for an unknown email still runs one bcrypt comparison, so the answer
 * time does not tell whether the email exists.
 *
 * <p>Thread-safe.
 */
public final class Passwords {

    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut. */
    static final int MAX_BYTES = 72;
    static final int MIN_LENGTH = 10;

    private final BCryptPasswordEncoder encoder;
    private final String dummyHash;

    public Passwords(int cost) {
        this.encoder = new BCryptPasswordEncoder(cost);
        this.dummyHash = encoder.encode("bot-core-timing-equaliser");
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    /** Compares; with an absent hash it still spends the same time and returns false. */
    public boolean matches(String password, Optional<String> hash) {
        boolean ok = encoder.matches(password == null ? "" : password, hash.orElse(dummyHash));
        return ok && hash.isPresent();
    }

    /** The rule the password breaks, or empty when it is acceptable. */
    public static Optional<String> policyViolation(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("must be at most " + MAX_BYTES + " bytes");
        }
        if (password.chars().distinct().count() < 4) {
            return Optional.of("must use at least 4 different characters");
        }
        if (email != null && password.equalsIgnoreCase(email.trim())) {
            return Optional.of("must not be the email address");
        }
        return Optional.empty();
    }
}
