package io.botcore.ai.training;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import org.bson.Document;

/**
 * One document per run of {@code bot-core ai train} in the MongoDB collection {@code training_runs}:
 * {@code symbol, interval, started_at, duration_ms, result} ({@code success} or {@code failure}),
 * {@code error} on failure and the registered versions on success. The AI service counts them for its metrics,
 * since the runs happen in another process.
 *
 * <p>Thread-safe.
 */
public final class TrainingRunLog {

    /** Name of the collection. */
    public static final String COLLECTION = "training_runs";
    /** {@code result} of a run that registered its models. */
    public static final String SUCCESS = "success";
    /** {@code result} of a run that stopped with an error. */
    public static final String FAILURE = "failure";

    private final MongoCollection<Document> runs;

    public TrainingRunLog(MongoDatabase database) {
        this.runs = Objects.requireNonNull(database, "database").getCollection(COLLECTION);
    }

    /** Records a finished run. */
    public void succeeded(String symbol, String interval, Instant startedAt, Duration took, Iterable<String> versions) {
        runs.insertOne(run(symbol, interval, startedAt, took, SUCCESS).append("versions", versions));
    }

    /** Records a run that failed with {@code error}. */
    public void failed(String symbol, String interval, Instant startedAt, Duration took, String error) {
        runs.insertOne(run(symbol, interval, startedAt, took, FAILURE).append("error", error));
    }

    /** Runs recorded with this result. */
    public long count(String result) {
        return runs.countDocuments(Filters.eq("result", result));
    }

    private static Document run(String symbol, String interval, Instant startedAt, Duration took, String result) {
        return new Document("symbol", symbol).append("interval", interval).append("started_at", Date.from(startedAt))
                .append("duration_ms", took.toMillis()).append("result", result);
    }
}
