package io.botcore.platform.backup;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.function.Supplier;

import org.bson.Document;

/**
 * Outcome of the newest backup runs, kept in {@code system_settings} (document {@code backup_status}) so
 * every engine can export it as the metrics the backup alerts use, wherever the backup job itself ran.
 *
 * @param lastSuccess end of the newest successful backup, or {@code null}
 * @param lastFailure time of the newest failed attempt, or {@code null}
 * @param lastError what the newest failure said, or {@code null}
 * @param interval the backup interval the job was configured with
 * @param lastBackup name of the newest successful backup ({@code 20261203-020000}), or {@code null}
 */
public record BackupStatus(Instant lastSuccess, Instant lastFailure, String lastError, Duration interval,
        String lastBackup) {

    static final String ID = "backup_status";

    /** Records a successful backup. */
    public static void success(MongoDatabase database, Instant at, Duration interval, String backup) {
        settings(database).updateOne(Filters.eq("_id", ID), Updates.combine(Updates.set("last_success", Date.from(at)),
                Updates.set("interval_seconds", interval.toSeconds()), Updates.set("last_backup", backup)),
                new UpdateOptions().upsert(true));
    }

    /** Records a failed backup attempt. */
    public static void failure(MongoDatabase database, Instant at, Duration interval, String error) {
        settings(database).updateOne(Filters.eq("_id", ID), Updates.combine(Updates.set("last_failure", Date.from(at)),
                Updates.set("interval_seconds", interval.toSeconds()), Updates.set("last_error", error)),
                new UpdateOptions().upsert(true));
    }

    /** The stored status, if any backup ran against this database. */
    public static Optional<BackupStatus> read(MongoDatabase database) {
        Document d = settings(database).find(Filters.eq("_id", ID)).first();
        if (d == null) {
            return Optional.empty();
        }
        Number seconds = d.get("interval_seconds", Number.class);
        return Optional.of(new BackupStatus(instant(d, "last_success"), instant(d, "last_failure"),
                d.getString("last_error"), seconds == null ? null : Duration.ofSeconds(seconds.longValue()),
                d.getString("last_backup")));
    }

    /**
     * Runs {@code action} (a restore) and puts this record back as it was before, so restoring an older backup
     * does not make the newest backup look older to the alerts.
     */
    public static <T> T keptAcross(MongoDatabase database, Supplier<T> action) {
        Document before = settings(database).find(Filters.eq("_id", ID)).first();
        T result = action.get();
        if (before != null) {
            settings(database).replaceOne(Filters.eq("_id", ID), before, new ReplaceOptions().upsert(true));
        }
        return result;
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static MongoCollection<Document> settings(MongoDatabase database) {
        return database.getCollection("system_settings");
    }
}
