package io.botcore.engine.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored user. {@code tokenVersion} is in every access token; raising it (password change, logout
 * everywhere, role change) makes every earlier token invalid at once.
 *
 * @param id hex ObjectId
 * @param email normalised (trimmed, lower case)
 * @param passwordHash bcrypt hash
 * @param role what the user may do
 * @param active false blocks login and every token
 * @param tokenVersion current token generation
 * @param createdAt creation time (UTC)
 * @param lastLogin last successful login, or null
 */
public record UserAccount(String id, String email, String passwordHash, Role role, boolean active, int tokenVersion,
        Instant createdAt, Instant lastLogin) {

    public UserAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
