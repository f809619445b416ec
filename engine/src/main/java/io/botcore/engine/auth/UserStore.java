package io.botcore.engine.auth;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;

import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * The {@code users} collection. Every query is built from typed values ({@link Filters}), never from
 * client JSON, so an operator object sent by a client can only ever be a wrong value.
 *
 * <p>Thread-safe.
 */
public final class UserStore {

    private final MongoCollection<Document> users;
    private final Clock clock;

    public UserStore(MongoDatabase database, Clock clock) {
        this.users = database.getCollection("users");
        this.clock = clock;
    }

    /** Emails are compared trimmed and in lower case. */
    public static String normalize(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws DuplicateUserException when the email is taken
     */
    public UserAccount create(String email, String passwordHash, Role role) {
        Instant now = clock.instant();
        ObjectId id = new ObjectId();
        Document doc = new Document("_id", id).append("email", normalize(email)).append("password_hash", passwordHash)
                .append("role", role.id()).append("is_active", true).append("is_admin", role == Role.ADMIN)
                .append("token_version", 0).append("created_at", Date.from(now)).append("updated_at", Date.from(now));
        try {
            users.insertOne(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new DuplicateUserException(normalize(email));
            }
            throw e;
        }
        return map(doc);
    }

    public Optional<UserAccount> findByEmail(String email) {
        return Optional.ofNullable(users.find(Filters.eq("email", normalize(email))).first()).map(UserStore::map);
    }

    public Optional<UserAccount> findById(String id) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(users.find(Filters.eq("_id", new ObjectId(id))).first()).map(UserStore::map);
    }

    public void recordLogin(String id) {
        users.updateOne(Filters.eq("_id", new ObjectId(id)), Updates.set("last_login", Date.from(clock.instant())));
    }

    /** Stores a new hash and raises the token version, so every token issued before is rejected. */
    public void changePassword(String id, String passwordHash) {
        users.updateOne(Filters.eq("_id", new ObjectId(id)), Updates.combine(Updates.set("password_hash", passwordHash),
                Updates.inc("token_version", 1), Updates.set("updated_at", Date.from(clock.instant()))));
    }

    public void setActive(String id, boolean active) {
        users.updateOne(Filters.eq("_id", new ObjectId(id)), Updates.combine(Updates.set("is_active", active),
                Updates.inc("token_version", 1), Updates.set("updated_at", Date.from(clock.instant()))));
    }

    public boolean delete(String id) {
        return ObjectId.isValid(id) && users.deleteOne(Filters.eq("_id", new ObjectId(id))).getDeletedCount() == 1;
    }

    /** Every user, ordered by email. */
    public java.util.List<UserAccount> all() {
        return users.find().sort(new Document("email", 1)).map(UserStore::map).into(new java.util.ArrayList<>());
    }

    private static UserAccount map(Document doc) {
        Date lastLogin = doc.getDate("last_login");
        return new UserAccount(doc.getObjectId("_id").toHexString(), doc.getString("email"),
                doc.getString("password_hash"), Role.parse(doc.getString("role")),
                doc.getBoolean("is_active", false), doc.getInteger("token_version", 0),
                doc.getDate("created_at").toInstant(), lastLogin == null ? null : lastLogin.toInstant());
    }

    /** The email is already used by another account. */
    public static final class DuplicateUserException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DuplicateUserException(String email) {
            super("a user with email " + email + " already exists");
        }
    }
}
