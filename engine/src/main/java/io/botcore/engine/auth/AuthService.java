package io.botcore.engine.auth;

import io.botcore.engine.admin.AuditLog;
import io.botcore.platform.web.ApiException;

import java.util.Optional;

import org.springframework.http.HttpStatus;

/**
 * Login, refresh, logout and password change. Failed logins answer the same sentence whether the email
 * exists or not.
 *
 * <p>Thread-safe.
 */
public final class AuthService {

    static final String BAD_CREDENTIALS = "invalid email or password";

    private final UserStore users;
    private final Passwords passwords;
    private final TokenService tokens;
    private final RefreshTokens refreshTokens;
    private final LoginGuard guard;
    private final AuditLog audit;
    private final boolean selfRegistration;

    public AuthService(UserStore users, Passwords passwords, TokenService tokens, RefreshTokens refreshTokens,
            LoginGuard guard, AuditLog audit, boolean selfRegistration) {
        this.audit = audit;
        this.selfRegistration = selfRegistration;
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
        String email = UserStore.normalize(rawEmail);
        try {
            guard.checkAddress(address);
            guard.checkAccount(email);
        } catch (ApiException limited) {
            audit.record("login.throttled", email, address, "reason", limited.getMessage());
            throw limited;
        }
        Optional<UserAccount> user = users.findByEmail(email);
        if (!passwords.matches(password, user.map(UserAccount::passwordHash))) {
            guard.failed(email);
            audit.record("login.failed", email, address);
            throw new ApiException(HttpStatus.UNAUTHORIZED, BAD_CREDENTIALS);
        }
        UserAccount account = user.orElseThrow();
        if (!account.active()) {
            audit.record("login.disabled", email, address);
            throw new ApiException(HttpStatus.FORBIDDEN, "this account is disabled");
        }
        guard.succeeded(email);
        users.recordLogin(account.id());
        audit.record("login.ok", email, address);
        return new Session(tokens.issue(account), tokens.accessTokenSeconds(),
                refreshTokens.issue(account.id(), account.tokenVersion()), account);
    }

    /**
     * Creates a trader account when self-registration is on. The answer is the same whether the address was free
     * or taken (and costs the same hash), so it never tells whether an account exists; the owner of a taken
     * address simply keeps their account.
     */
    void register(String rawEmail, String password, String address) {
        if (!selfRegistration) {
            throw new ApiException(HttpStatus.NOT_FOUND, "self-registration is off; an administrator adds accounts "
                    + "with ./bot-core user add");
        }
        String email = UserStore.normalize(rawEmail);
        guard.checkAddress(address);
        Passwords.policyViolation(password, email).ifPresent(rule -> {
            throw new ApiException(HttpStatus.BAD_REQUEST, "password: " + rule);
        });
        String hash = passwords.hash(password);
        try {
            users.create(email, hash, Role.TRADER);
            audit.record("user.registered", email, address, "role", Role.TRADER.id());
        } catch (UserStore.DuplicateUserException taken) {
            audit.record("user.register_taken", email, address);
        }
    }

    Session refresh(String refreshToken, String address) {
        RefreshTokens.Use use = refreshTokens.use(refreshToken)
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "refresh token is invalid, expired or used"));
        UserAccount user = users.findById(use.userId()).filter(UserAccount::active)
                .filter(u -> u.tokenVersion() == use.tokenVersion())
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "refresh token is invalid, expired or used"));
        audit.record("token.refreshed", user.email(), address);
        return new Session(tokens.issue(user), tokens.accessTokenSeconds(), refreshTokens.rotate(use), user);
    }

    void logout(AuthenticatedUser caller, String refreshToken, String address) {
        refreshTokens.revoke(refreshToken);
        audit.record("logout", caller.email(), address);
    }

    void changePassword(AuthenticatedUser caller, String current, String next, String address) {
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
        audit.record("password.changed", user.email(), address, "tokens", "revoked");
    }

    Optional<UserAccount> user(String id) {
        return users.findById(id);
    }
}
