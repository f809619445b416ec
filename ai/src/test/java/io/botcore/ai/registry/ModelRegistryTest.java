package io.botcore.ai.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.botcore.ai.features.FeatureDistribution;
import io.botcore.ai.features.FeatureExtractor;
import io.botcore.ai.features.FeatureMatrix;
import io.botcore.ai.labels.Direction;
import io.botcore.ai.labels.LabelSpec;
import io.botcore.ai.labels.Labels;
import io.botcore.ai.model.DirectionModel;
import io.botcore.ai.model.GradientBoostingSpec;
import io.botcore.ai.model.LogisticRegressionSpec;
import io.botcore.ai.model.ModelSpec;
import io.botcore.ai.model.ModelTrainer;
import io.botcore.ai.testdata.RecordedData;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {

    private static final Instant NOW = Instant.parse("2025-09-20T08:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static double[][] rows;
    private static Direction[] labels;
    private static double[][] probe;
    private static DirectionModel logistic;
    private static DirectionModel trees;

    @TempDir
    Path dir;

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;

    /** Small models trained on the first 3,000 real BTCUSDT hours. */
    @BeforeAll
    static void trainModels() {
        CandleSeries candles = RecordedData.hourly(RecordedData.BTC_1H).slice(0, 3_100);
        FeatureMatrix features = FeatureExtractor.compute(candles);
        Labels all = Labels.of(candles, LabelSpec.DEFAULT);
        rows = features.rows(features.firstComplete(), 3_000);
        labels = all.range(features.firstComplete(), 3_000);
        probe = features.rows(3_000, 3_096);
        logistic = ModelTrainer.train(LogisticRegressionSpec.DEFAULT, FeatureMatrix.columnNames(), rows, labels);
        trees = ModelTrainer.train(new GradientBoostingSpec(30, 0.1, 3, 10, 0.8, 0.8, 1, 1, 42L),
                FeatureMatrix.columnNames(), rows, labels);
    }

    @BeforeEach
    void startDatabase() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        database = client.getDatabase("bot_core_test");
    }

    @AfterEach
    void stopDatabase() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void shouldStoreTheModelItsMetadataAndItsHash() throws Exception {
        ModelRegistry registry = ModelRegistry.open(dir.resolve("models"), database, CLOCK);

        ModelMetadata meta = registry.register(trees, description(trees, GradientBoostingSpec.DEFAULT));

        Path folder = dir.resolve("models").resolve("v0001");
        byte[] modelBytes = Files.readAllBytes(folder.resolve("model.tribuo"));
        String expectedHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(modelBytes));
        assertThat(meta.version()).isEqualTo("v0001");
        assertThat(meta.sha256()).isEqualTo(expectedHash);
        assertThat(meta.createdAt()).isEqualTo(NOW);
        String json = Files.readString(folder.resolve("metadata.json"), StandardCharsets.UTF_8);
        Document parsed = Document.parse(json);
        assertThat(parsed.getString("version")).isEqualTo("v0001");
        assertThat(parsed.getString("kind")).isEqualTo("xgboost");
        assertThat(parsed.getString("symbol")).isEqualTo("BTCUSDT");
        assertThat(parsed.getString("interval")).isEqualTo("1h");
        assertThat(parsed.getString("sha256")).isEqualTo(expectedHash);
        assertThat(parsed.getString("created_at")).isEqualTo("2025-09-20T08:00:00Z");
        assertThat(parsed.getList("features", String.class)).isEqualTo(FeatureMatrix.columnNames());
        assertThat(parsed.get("training_window", Document.class).getString("from"))
                .isEqualTo("2020-09-21T09:00:00Z");
        assertThat(parsed.get("hyper_parameters", Document.class).get("seed")).isEqualTo(42);
        assertThat(parsed.get("metrics", Document.class).get("log_loss")).isEqualTo(1.05);
        assertThat(parsed.get("metrics", Document.class).containsKey("precision_flat")).isTrue();
        assertThat(parsed.get("metrics", Document.class).get("precision_flat")).isNull();
        assertThat(ModelMetadata.fromJson(json)).isEqualTo(meta);

        Document stored = database.getCollection("models").find(Filters.eq("_id", "v0001")).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString("sha256")).isEqualTo(expectedHash);
        assertThat(stored.getString("symbol")).isEqualTo("BTCUSDT");
        assertThat(stored.get("created_at")).isEqualTo(Date.from(NOW));
        assertThat(stored.getBoolean("active")).isFalse();
        assertThat(stored.get("label", Document.class).get("horizon")).isEqualTo(4);
    }

    @Test
    void shouldNumberVersionsUpwardsEvenAfterAFolderIsDeleted() throws Exception {
        ModelRegistry registry = ModelRegistry.open(dir.resolve("models"), database, CLOCK);
        registry.register(logistic, description(logistic, LogisticRegressionSpec.DEFAULT));
        registry.register(trees, description(trees, GradientBoostingSpec.DEFAULT));
        deleteFolder(dir.resolve("models").resolve("v0002"));

        ModelMetadata third = registry.register(trees, description(trees, GradientBoostingSpec.DEFAULT));

        assertThat(third.version()).isEqualTo("v0003");
        assertThat(registry.list()).extracting(ModelMetadata::version).containsExactly("v0001", "v0003");
    }

    @Test
    void shouldPromoteAndRollBack() throws Exception {
        ModelRegistry registry = ModelRegistry.open(dir.resolve("models"), database, CLOCK);
        String v1 = registry.register(logistic, description(logistic, LogisticRegressionSpec.DEFAULT)).version();
        String v2 = registry.register(trees, description(trees, GradientBoostingSpec.DEFAULT)).version();
        assertThat(registry.activeVersion()).isEmpty();
        assertThat(registry.loadActive()).isEmpty();
        assertThatThrownBy(registry::rollback).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no model was promoted");

        registry.promote(v1);
        registry.promote(v2);
        assertThat(registry.activeVersion()).contains(v2);
        assertThat(activeIds()).containsExactly(v2);

        assertThat(registry.rollback()).isEqualTo(v1);
        assertThat(registry.activeVersion()).contains(v1);
        assertThat(activeIds()).containsExactly(v1);
        assertThatThrownBy(registry::rollback).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(v1 + " is the first");
        assertThatThrownBy(() -> registry.promote("v0042")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no model version 'v0042'");
        assertThatThrownBy(() -> registry.promote("../etc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKeepTheActiveModelAcrossARestart() throws Exception {
        Path models = dir.resolve("models");
        ModelRegistry before = ModelRegistry.open(models, database, CLOCK);
        before.register(logistic, description(logistic, LogisticRegressionSpec.DEFAULT));
        String version = before.register(trees, description(trees, GradientBoostingSpec.DEFAULT)).version();
        before.promote(version);
        double[][] expected = trees.predict(probe);

        // a new process: a new client to the same database, a new registry over the same folder
        try (MongoClient second = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            ModelRegistry after = ModelRegistry.open(models, second.getDatabase("bot_core_test"), CLOCK);

            RegisteredModel active = after.loadActive().orElseThrow();

            assertThat(active.metadata().version()).isEqualTo(version);
            assertThat(active.metadata().description().kind().code()).isEqualTo("xgboost");
            assertThat(active.model().predict(probe)).isDeepEqualTo(expected);
            assertThat(after.load("v0001").model().predict(probe)).isDeepEqualTo(logistic.predict(probe));
        }
    }

    @Test
    void shouldRefuseAModelFileThatNoLongerMatchesItsHash() throws Exception {
        ModelRegistry registry = ModelRegistry.open(dir.resolve("models"), database, CLOCK);
        String version = registry.register(trees, description(trees, GradientBoostingSpec.DEFAULT)).version();
        Path file = dir.resolve("models").resolve(version).resolve("model.tribuo");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);

        assertThatThrownBy(() -> registry.load(version)).isInstanceOf(IOException.class)
                .hasMessageContaining("changed or damaged");
    }

    @Test
    void shouldRestoreLostDatabaseDocumentsOnOpen() throws Exception {
        Path models = dir.resolve("models");
        ModelRegistry registry = ModelRegistry.open(models, database, CLOCK);
        String version = registry.register(trees, description(trees, GradientBoostingSpec.DEFAULT)).version();
        registry.promote(version);
        database.getCollection("models").deleteMany(new Document());

        ModelRegistry.open(models, database, CLOCK);

        assertThat(activeIds()).containsExactly(version);
        assertThat(database.getCollection("models").countDocuments()).isEqualTo(1);
    }

    @Test
    void shouldRefuseADescriptionOfAnotherModel() throws Exception {
        ModelRegistry registry = ModelRegistry.open(dir.resolve("models"), database, CLOCK);

        assertThatThrownBy(() -> registry.register(trees, description(logistic, LogisticRegressionSpec.DEFAULT)))
                .hasMessageContaining("does not match");
    }

    private List<String> activeIds() {
        MongoCollection<Document> models = database.getCollection("models");
        return models.find(Filters.eq("active", true)).map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    private static ModelDescription description(DirectionModel model, ModelSpec spec) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("log_loss", 1.05);
        metrics.put("precision_flat", Double.NaN);
        return new ModelDescription(model.kind(), "BTCUSDT", Interval.H1, FeatureExtractor.VERSION,
                model.features(), LabelSpec.DEFAULT, Instant.parse("2020-09-21T09:00:00Z"),
                Instant.parse("2020-12-24T00:00:00Z"), rows.length, spec.hyperParameters(), metrics,
                FeatureDistribution.of(model.features(), rows));
    }

    private static void deleteFolder(Path folder) throws Exception {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
