package io.botcore.engine.auth;

import io.botcore.platform.web.ApiException;
import io.botcore.platform.web.ApiResponse;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/auth/*}: login, self-registration when enabled, refresh with rotation, logout, who am I, password change. */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final AuthService auth;

    AuthController(AuthService auth) {
        this.auth = auth;
    }

    @PostMapping("/login")
    ApiResponse<AuthDtos.TokenAnswer> login(@Valid @RequestBody AuthDtos.LoginRequest body, HttpServletRequest request) {
        return ApiResponse.ok(answer(auth.login(body.email(), body.password(), request.getRemoteAddr())));
    }

    /** Self-registration (off unless {@code security.self_registration}); 202 whether or not the address was free. */
    @PostMapping("/register")
    ResponseEntity<ApiResponse<AuthDtos.Message>> register(@Valid @RequestBody AuthDtos.LoginRequest body,
            HttpServletRequest request) {
        auth.register(body.email(), body.password(), request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ApiResponse.ok(new AuthDtos.Message(
                "if the address had no account, a trader account now exists for it: sign in with it")));
    }

    @PostMapping("/refresh")
    ApiResponse<AuthDtos.TokenAnswer> refresh(@Valid @RequestBody AuthDtos.RefreshRequest body,
            HttpServletRequest request) {
        return ApiResponse.ok(answer(auth.refresh(body.refreshToken(), request.getRemoteAddr())));
    }

    @PostMapping("/logout")
    ApiResponse<AuthDtos.Message> logout(@AuthenticationPrincipal AuthenticatedUser caller,
            @Valid @RequestBody AuthDtos.RefreshRequest body, HttpServletRequest request) {
        auth.logout(caller, body.refreshToken(), request.getRemoteAddr());
        return ApiResponse.ok(new AuthDtos.Message("logged out; the refresh token can no longer be used"));
    }

    @GetMapping({"/me", "/profile"})
    ApiResponse<AuthDtos.UserView> me(@AuthenticationPrincipal AuthenticatedUser caller) {
        UserAccount user = auth.user(caller.id())
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "unknown user"));
        return ApiResponse.ok(AuthDtos.UserView.of(user));
    }

    @PostMapping("/change-password")
    ApiResponse<AuthDtos.Message> changePassword(@AuthenticationPrincipal AuthenticatedUser caller,
            @Valid @RequestBody AuthDtos.ChangePasswordRequest body, HttpServletRequest request) {
        auth.changePassword(caller, body.currentPassword(), body.newPassword(), request.getRemoteAddr());
        return ApiResponse.ok(new AuthDtos.Message("password changed; sign in again on every device"));
    }

    private static AuthDtos.TokenAnswer answer(AuthService.Session session) {
        return new AuthDtos.TokenAnswer(session.accessToken(), session.refreshToken(), "Bearer",
                session.expiresIn(), AuthDtos.UserView.of(session.user()));
    }
}
