package io.botcore.ai.analysis;

import io.botcore.ai.training.TrainingRunLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counts of {@link TrainingRunLog} as last read, so that a metrics scrape never waits on the database.
 * {@link #refresh()} runs in the background; until the first read the counts are 0.
 *
 * <p>Thread-safe.
 */
public final class TrainingRunCounts {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRunCounts.class);

    private final TrainingRunLog log;
    private volatile long successes;
    private volatile long failures;

    public TrainingRunCounts(TrainingRunLog log) {
        this.log = log;
    }

    /** Reads the counts again; keeps the last ones if the database does not answer. */
    public void refresh() {
        try {
            successes = log.count(TrainingRunLog.SUCCESS);
            failures = log.count(TrainingRunLog.FAILURE);
        } catch (RuntimeException e) {
            LOG.debug("training run counts not refreshed: {}", e.toString());
        }
    }

    double successes() {
        return successes;
    }

    double failures() {
        return failures;
    }
}
