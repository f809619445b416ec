package io.botcore.engine.auth;

/**
 * The caller of a request, resolved from a valid access token of an existing, active user whose token
 * version matches.
 *
 * @param id user id
 * @param email normalised email
 * @param role the user's role now (read from the database, not trusted from the token)
 */
public record AuthenticatedUser(String id, String email, Role role) {
}
