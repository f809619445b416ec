package io.botcore.engine.auth;

import io.botcore.platform.web.ApiException;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * Login, refresh, logout and password change. Failed logins answer the same sentence whether the email
 * exists or not.
 *
 * <p>Thread-safe.
 */
public final class AuthService {

    static final String BAD_CREDENTIALS = "invalid email or password";

    private static final Logger log = LoggerFactory.getLogger("auth");

    private final UserStore users;
    private final Passwords passwords;
    private final TokenService tokens;
    private final RefreshTokens refreshTokens;
    private final LoginGuard guard;

    public AuthService(UserStore users, Passwords passwords, TokenService tokens, RefreshTokens refreshTokens,
            LoginGuard guard) {
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.guard = guard;
    }

    /** A signed-in session: access token, its lifetime in seconds, refresh token and the user. */
    record Session(String accessToken, long expiresIn, String refreshToken, UserAccount user) {
    }

    Session login(String rawEmail, String password, String address) {
        guard.checkAddress(address);
        String email = UserStore.normalize(rawEmail);
        guard.checkAccount(email);
        Optional<UserAccount> user = users.findByEmail(email);
        if (!passwords.matches(password, user.map(UserAccount::passwordHash))) {
            guard.failed(email);
            log.warn("login failed for {} from {}", email, address);
            throw new ApiException(HttpStatus.UNAUTHORIZED, BAD_CREDENTIALS);
        }
        UserAccount account = user.orElseThrow();
        if (!account.active()) {
            log.warn("login refused for disabled account {} from {}", email, address);
            throw new ApiException(HttpStatus.FORBIDDEN, "this account is disabled");
        }
        guard.succeeded(email);
        users.recordLogin(account.id());
        log.info("login ok for {} from {}", email, address);
        return new Session(tokens.issue(account), tokens.accessTokenSeconds(), refreshTokens.issue(account.id()), account);
    }

    Session refresh(String refreshToken) {
        RefreshTokens.Use use = refreshTokens.use(refreshToken)
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "refresh token is invalid, expired or used"));
        UserAccount user = users.findById(use.userId()).filter(UserAccount::active)
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "refresh token is invalid, expired or used"));
        return new Session(tokens.issue(user), tokens.accessTokenSeconds(), refreshTokens.rotate(use), user);
    }

    void logout(String refreshToken) {
        refreshTokens.revoke(refreshToken);
    }

    void changePassword(AuthenticatedUser caller, String current, String next) {
        UserAccount user = users.findById(caller.id())
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "unknown user"));
        if (!passwords.matches(current, Optional.of(user.passwordHash()))) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "current_password: does not match");
        }
        Passwords.policyViolation(next, user.email()).ifPresent(rule -> {
            throw new ApiException(HttpStatus.BAD_REQUEST, "new_password: " + rule);
        });
        users.changePassword(user.id(), passwords.hash(next));
        refreshTokens.revokeAll(user.id());
        log.info("password changed for {}; earlier tokens revoked", user.email());
    }

    Optional<UserAccount> user(String id) {
        return users.findById(id);
    }
}
