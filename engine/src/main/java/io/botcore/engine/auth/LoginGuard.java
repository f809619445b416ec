package io.botcore.engine.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import io.botcore.platform.web.ApiException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.http.HttpStatus;

/**
 * Slows down password guessing two ways. Per client address: a token bucket of N attempts per minute
 * (bucket4j), answered 429 with {@code Retry-After}. Per account: after {@value #FREE_FAILURES} failures in a
 * row the email is locked for 30 s, doubling with every further failure up to one hour; kept in the
 * database ({@code login_attempts}) so every engine sees it and a restart does not reset it. Unknown
 * emails are counted exactly like known ones, so the answers never tell whether an account exists.
 *
 * <p>Thread-safe.
 */
public final class LoginGuard {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration MAX_LOCK = Duration.ofHours(1);

    private final MongoCollection<Document> attempts;
    private final Clock clock;
    private final int perMinute;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    public LoginGuard(MongoDatabase database, Clock clock, int perMinute) {
        this.attempts = database.getCollection("login_attempts");
        this.clock = clock;
        this.perMinute = perMinute;
    }

    /** @throws ApiException 429 when this address has used its attempts for now */
    public void checkAddress(String address) {
        Bucket bucket = buckets.get(address, a -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too many login attempts from this address",
                    Duration.ofNanos(probe.getNanosToWaitForRefill()).plusSeconds(1));
        }
    }

    /** @throws ApiException 429 while the email is locked */
    public void checkAccount(String email) {
        Document doc = attempts.find(Filters.eq("_id", email)).first();
        if (doc != null && doc.getDate("locked_until") != null) {
            Instant until = doc.getDate("locked_until").toInstant();
            Instant now = clock.instant();
            if (until.isAfter(now)) {
                throw new ApiException(HttpStatus.TOO_MANY_REQUESTS,
                        "too many failed logins for this account; try again later", Duration.between(now, until));
            }
        }
    }

    /** Counts a failure; from the {@value #FREE_FAILURES}th on, locks the email for a growing time. */
    public void failed(String email) {
        Document doc = attempts.findOneAndUpdate(Filters.eq("_id", email),
                Updates.combine(Updates.inc("failures", 1), Updates.set("last_failure", Date.from(clock.instant()))),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        int failures = doc == null ? 1 : doc.getInteger("failures", 1);
        if (failures >= FREE_FAILURES) {
            Duration lock = lockFor(failures);
            attempts.updateOne(Filters.eq("_id", email),
                    Updates.set("locked_until", Date.from(clock.instant().plus(lock))));
        }
    }

    public void succeeded(String email) {
        attempts.deleteOne(Filters.eq("_id", email));
    }

    static Duration lockFor(int failures) {
        int doublings = Math.min(failures - FREE_FAILURES, 20);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock;
    }
}
