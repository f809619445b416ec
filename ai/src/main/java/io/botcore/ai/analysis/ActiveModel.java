package io.botcore.ai.analysis;

import io.botcore.ai.features.FeatureDistribution;
import io.botcore.ai.features.FeatureExtractor;
import io.botcore.ai.features.FeatureMatrix;
import io.botcore.ai.registry.ModelMetadata;
import io.botcore.ai.registry.ModelRegistry;
import io.botcore.ai.registry.RegisteredModel;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's active model as the service serves it: loaded (its file checked against its hash) and kept in
 * memory, swapped when another version is promoted. {@link #refresh()} looks at the registry's pointer; the
 * service calls it every few seconds, so a promotion or rollback made by {@code bot-core ai promote} in another
 * process takes effect without a restart.
 *
 * <p>A model is served only when it can be served faithfully: features of this build's version, the same columns,
 * its training distribution and the signal threshold it was evaluated with. Otherwise {@link #current()} is empty
 * and {@link #problem()} says why.
 *
 * <p>Thread-safe.
 */
public final class ActiveModel {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveModel.class);

    private final ModelRegistry registry;
    private final AtomicReference<Served> current = new AtomicReference<>();
    private volatile String problem = "no model has been promoted: train one with ./bot-core ai train --promote, "
            + "or promote a version with ./bot-core ai models promote <version>";
    private volatile String lastVersion;

    /** A model ready to answer: the registered model and what serving needs from its metadata. */
    public record Served(RegisteredModel model, FeatureDistribution distribution, double signalThreshold) {

        public Served {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(distribution, "distribution");
        }

        /** The model's metadata. */
        public ModelMetadata metadata() {
            return model.metadata();
        }

        /** Registry version, for example {@code v0002}. */
        public String version() {
            return model.metadata().version();
        }
    }

    public ActiveModel(ModelRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** The model that answers now, if any. */
    public Optional<Served> current() {
        return Optional.ofNullable(current.get());
    }

    /** Why no model answers, or null when one does. */
    public String problem() {
        return current.get() == null ? problem : null;
    }

    /** Loads the registry's active version if it is not the one served; keeps serving the old one on failure. */
    public synchronized void refresh() {
        Optional<String> active;
        try {
            active = registry.activeVersion();
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read the active model pointer: {}", e.toString());
            return;
        }
        if (active.isEmpty()) {
            if (current.getAndSet(null) != null) {
                LOG.info("no active model any more");
            }
            lastVersion = null;
            return;
        }
        String version = active.get();
        if (version.equals(lastVersion)) {
            return;
        }
        lastVersion = version;
        try {
            Served served = serve(registry.load(version));
            current.set(served);
            LOG.info("serving model {} ({} {} {})", version, served.metadata().description().kind().code(),
                    served.metadata().description().symbol(), served.metadata().description().interval().code());
        } catch (IOException | RuntimeException e) {
            current.set(null);
            problem = "the active model " + version + " cannot be served: " + e.getMessage();
            LOG.error("{}", problem);
        }
    }

    private static Served serve(RegisteredModel model) {
        ModelMetadata metadata = model.metadata();
        if (!FeatureExtractor.VERSION.equals(metadata.description().featureVersion())) {
            throw new IllegalArgumentException("it was trained on " + metadata.description().featureVersion()
                    + " but this build computes " + FeatureExtractor.VERSION);
        }
        if (!FeatureMatrix.columnNames().equals(metadata.description().features())) {
            throw new IllegalArgumentException("its features " + metadata.description().features()
                    + " are not this build's " + FeatureMatrix.columnNames());
        }
        FeatureDistribution distribution = metadata.description().trainingDistribution();
        if (distribution == null) {
            throw new IllegalArgumentException("its metadata has no training_distribution (registered by an older "
                    + "build): train it again");
        }
        Object strategy = metadata.description().metrics().get("strategy");
        if (!(strategy instanceof Map<?, ?> map) || !(map.get("signal_threshold") instanceof Number threshold)) {
            throw new IllegalArgumentException("its metrics have no strategy.signal_threshold: train it again");
        }
        return new Served(model, distribution, threshold.doubleValue());
    }
}
