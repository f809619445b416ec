package io.botcore.engine.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** Request and answer bodies of {@code /api/auth/*}. */
final class AuthDtos {

    private AuthDtos() {
    }

    record LoginRequest(
            @NotBlank(message = "is required") @Email(message = "must be an email address")
            @Size(max = 254, message = "must be at most 254 characters") String email,
            @NotBlank(message = "is required") @Size(max = 256, message = "must be at most 256 characters")
            String password) {
    }

    record RefreshRequest(
            @NotBlank(message = "is required") @Size(max = 128, message = "must be at most 128 characters")
            @JsonProperty("refresh_token") String refreshToken) {
    }

    record ChangePasswordRequest(
            @NotBlank(message = "is required") @Size(max = 256, message = "must be at most 256 characters")
            @JsonProperty("current_password") String currentPassword,
            @NotBlank(message = "is required") @Size(max = 256, message = "must be at most 256 characters")
            @JsonProperty("new_password") String newPassword) {
    }

    record TokenAnswer(
            String token,
            @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn,
            UserView user) {
    }

    record UserView(
            String id,
            String email,
            String role,
            @JsonProperty("is_admin") boolean isAdmin,
            @JsonProperty("is_active") boolean isActive,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("last_login") Instant lastLogin) {

        static UserView of(UserAccount user) {
            return new UserView(user.id(), user.email(), user.role().id(), user.role() == Role.ADMIN, user.active(),
                    user.createdAt(), user.lastLogin());
        }
    }

    record Message(String message) {
    }
}
