package io.botcore.engine.auth;

import java.util.Locale;

/**
 * What a user may do. Admin: users, system settings, maintenance, log level, kill switch. Trader: own bots
 * and trades. Viewer: read only.
 */
public enum Role {
    ADMIN, TRADER, VIEWER;

    /** Lower-case name as stored and shown: {@code admin}, {@code trader}, {@code viewer}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the allowed values */
    public static Role parse(String value) {
        for (Role role : values()) {
            if (role.id().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return role;
            }
        }
        throw new IllegalArgumentException("role must be one of admin, trader, viewer; got " + value);
    }
}
