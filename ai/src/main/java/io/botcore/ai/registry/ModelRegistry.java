package io.botcore.ai.registry;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import io.botcore.ai.model.DirectionModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every trained model, one folder per version under the models folder (usually {@code data/models/}), with
 * its metadata mirrored in the MongoDB collection {@code models}, and an "active" pointer that can be promoted
 * to any version and rolled back.
 *
 * <h2>On disk</h2>
 * <pre>
 * data/models/
 *   v0001/model.tribuo     the model, Tribuo protobuf ({@link DirectionModel#toBytes()})
 *   v0001/metadata.json    {@link ModelMetadata}, with the SHA-256 of model.tribuo
 *   v0002/...
 *   active.json            {"active": "v0002", "previous": ["v0001"]}
 * </pre>
 * The folders are the source of truth. A version folder is written complete under a temporary name and then
 * renamed, so a crash never leaves half a version; {@code active.json} is replaced atomically. Versions are
 * {@code v} and a number, zero-padded to at least four digits, one more than the highest number on disk or in
 * the database, so they only grow, even after a folder is deleted.
 *
 * <h2>In MongoDB</h2>
 * One document per version in {@code models}: {@code _id} = version, the metadata's fields,
 * {@code created_at} as a date, and {@code active} true on the active version only. {@link #open} re-inserts
 * the documents of versions whose database write was lost and re-applies the active flag.
 *
 * <p>Thread-safe within one instance; two processes must not register or promote at the same time.
 */
public final class ModelRegistry {

    /** Name of the MongoDB collection. */
    public static final String COLLECTION = "models";
    /** Name of the model file in a version folder. */
    public static final String MODEL_FILE = "model.tribuo";
    /** Name of the metadata file in a version folder. */
    public static final String METADATA_FILE = "metadata.json";
    /** Name of the active-pointer file in the models folder. */
    public static final String ACTIVE_FILE = "active.json";

    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);
    private static final Pattern VERSION = Pattern.compile("v(\\d{4,9})");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path root;
    private final MongoCollection<Document> collection;
    private final Clock clock;

    private ModelRegistry(Path root, MongoDatabase database, Clock clock) {
        this.root = root;
        this.collection = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    /**
     * A registry over the models folder {@code root} (created if missing) and {@code database}; brings the
     * database in line with the folder.
     *
     * @throws IOException if the folder cannot be created or read
     */
    public static ModelRegistry open(Path root, MongoDatabase database, Clock clock) throws IOException {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(clock, "clock");
        Files.createDirectories(root);
        ModelRegistry registry = new ModelRegistry(root, database, clock);
        registry.syncDatabase();
        return registry;
    }

    /** The models folder. */
    public Path root() {
        return root;
    }

    /**
     * Stores {@code model} as a new version and returns its metadata.
     *
     * @throws IOException if the files cannot be written; nothing is registered then
     */
    public synchronized ModelMetadata register(DirectionModel model, ModelDescription description)
            throws IOException {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(description, "description");
        if (model.kind() != description.kind() || !model.features().equals(description.features())) {
            throw new IllegalArgumentException("the description (" + description.kind().code() + ", "
                    + description.features() + ") does not match the model (" + model.kind().code() + ", "
                    + model.features() + ")");
        }
        byte[] bytes = model.toBytes();
        String hash = sha256(bytes);
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int number = nextNumber();
        while (Files.exists(root.resolve(versionName(number)))) {
            number++;
        }
        String version = versionName(number);
        ModelMetadata metadata = new ModelMetadata(version, description, createdAt, MODEL_FILE, hash);
        Path staging = Files.createTempDirectory(root, ".staging-" + version + "-");
        try {
            Files.write(staging.resolve(MODEL_FILE), bytes);
            Files.writeString(staging.resolve(METADATA_FILE), metadata.toJson(), StandardCharsets.UTF_8);
            Files.move(staging, root.resolve(version), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteTree(staging);
            throw e;
        }
        upsert(metadata, false);
        LOG.info("registered model {} ({} {} {}, sha256 {})", version, description.kind().code(),
                description.symbol(), description.interval().code(), hash);
        return metadata;
    }

    /** Metadata of every version, oldest first. */
    public List<ModelMetadata> list() throws IOException {
        List<ModelMetadata> all = new ArrayList<>();
        for (String version : versionsOnDisk()) {
            all.add(metadata(version));
        }
        return all;
    }

    /**
     * Metadata of one version.
     *
     * @throws IllegalArgumentException if there is no such version
     * @throws IOException              if its metadata cannot be read
     */
    public ModelMetadata metadata(String version) throws IOException {
        Path file = folder(version).resolve(METADATA_FILE);
        return ModelMetadata.fromJson(Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Loads one version, checking its file against the hash in its metadata.
     *
     * @throws IllegalArgumentException if there is no such version
     * @throws IOException              if its files cannot be read or the model file's hash differs
     */
    public RegisteredModel load(String version) throws IOException {
        ModelMetadata metadata = metadata(version);
        byte[] bytes = Files.readAllBytes(folder(version).resolve(metadata.modelFile()));
        String hash = sha256(bytes);
        if (!hash.equals(metadata.sha256())) {
            throw new IOException("model file of " + version + " has SHA-256 " + hash + " but its metadata says "
                    + metadata.sha256() + ": the file was changed or damaged");
        }
        DirectionModel model = DirectionModel.fromBytes(metadata.description().kind(),
                metadata.description().features(), bytes);
        return new RegisteredModel(metadata, model);
    }

    /** The active version, if one was promoted. */
    public Optional<String> activeVersion() throws IOException {
        return Optional.ofNullable(readPointer().active());
    }

    /** The active model, loaded and checked, if one was promoted. */
    public Optional<RegisteredModel> loadActive() throws IOException {
        Optional<String> active = activeVersion();
        return active.isEmpty() ? Optional.empty() : Optional.of(load(active.get()));
    }

    /**
     * Makes {@code version} the active model; the one active before can be restored with {@link #rollback()}.
     * Promoting the active version changes nothing.
     *
     * @throws IllegalArgumentException if there is no such version
     */
    public synchronized void promote(String version) throws IOException {
        folder(version);
        Pointer pointer = readPointer();
        if (version.equals(pointer.active())) {
            return;
        }
        List<String> previous = new ArrayList<>(pointer.previous());
        if (pointer.active() != null) {
            previous.add(pointer.active());
        }
        writePointer(new Pointer(version, previous));
        markActive(version);
        LOG.info("promoted model {} (was {})", version, pointer.active());
    }

    /**
     * Makes the version that was active before the current one active again.
     *
     * @return the version now active
     * @throws IllegalStateException if no earlier version was active
     */
    public synchronized String rollback() throws IOException {
        Pointer pointer = readPointer();
        if (pointer.previous().isEmpty()) {
            throw new IllegalStateException("nothing to roll back to: "
                    + (pointer.active() == null ? "no model was promoted" : pointer.active() + " is the first"));
        }
        List<String> previous = new ArrayList<>(pointer.previous());
        String restored = previous.remove(previous.size() - 1);
        writePointer(new Pointer(restored, previous));
        markActive(restored);
        LOG.info("rolled back model {} to {}", pointer.active(), restored);
        return restored;
    }

    private void syncDatabase() throws IOException {
        String active = readPointer().active();
        for (String version : versionsOnDisk()) {
            if (collection.countDocuments(Filters.eq("_id", version)) == 0) {
                upsert(metadata(version), version.equals(active));
                LOG.info("restored the database document of model {}", version);
            }
        }
        markActive(active);
    }

    private void upsert(ModelMetadata metadata, boolean active) {
        Document document = Document.parse(JSON.writeValueAsString(metadata.toMap()));
        document.put("_id", metadata.version());
        document.put("created_at", Date.from(metadata.createdAt()));
        document.put("active", active);
        collection.replaceOne(Filters.eq("_id", metadata.version()), document, new ReplaceOptions().upsert(true));
    }

    private void markActive(String active) {
        collection.updateMany(Filters.and(Filters.eq("active", true), Filters.ne("_id", active)),
                Updates.set("active", false));
        if (active != null) {
            collection.updateOne(Filters.eq("_id", active), Updates.set("active", true));
        }
    }

    private int nextNumber() throws IOException {
        int highest = 0;
        for (String version : versionsOnDisk()) {
            highest = Math.max(highest, number(version));
        }
        for (Document document : collection.find().projection(new Document("_id", 1))) {
            Object id = document.get("_id");
            if (id instanceof String s && VERSION.matcher(s).matches()) {
                highest = Math.max(highest, number(s));
            }
        }
        return highest + 1;
    }

    private List<String> versionsOnDisk() throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(p -> Files.isDirectory(p) && VERSION.matcher(p.getFileName().toString()).matches()
                    && Files.isRegularFile(p.resolve(METADATA_FILE)))
                    .map(p -> p.getFileName().toString())
                    .sorted(Comparator.comparingInt(ModelRegistry::number))
                    .toList();
        }
    }

    private Path folder(String version) {
        Objects.requireNonNull(version, "version");
        Path folder = root.resolve(version);
        if (!VERSION.matcher(version).matches() || !Files.isRegularFile(folder.resolve(METADATA_FILE))) {
            throw new IllegalArgumentException("no model version '" + version + "' in " + root);
        }
        return folder;
    }

    private static int number(String version) {
        Matcher m = VERSION.matcher(version);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a version: " + version);
        }
        return Integer.parseInt(m.group(1));
    }

    private static String versionName(int number) {
        return String.format(Locale.ROOT, "v%04d", number);
    }

    private Pointer readPointer() throws IOException {
        Path file = root.resolve(ACTIVE_FILE);
        if (!Files.exists(file)) {
            return new Pointer(null, List.of());
        }
        JsonNode node = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        JsonNode active = node.get("active");
        List<String> previous = new ArrayList<>();
        JsonNode list = node.get("previous");
        if (list != null) {
            list.forEach(v -> previous.add(v.asString()));
        }
        return new Pointer(active == null || active.isNull() ? null : active.asString(), previous);
    }

    private void writePointer(Pointer pointer) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("active", pointer.active());
        ArrayNode previous = node.putArray("previous");
        pointer.previous().forEach(previous::add);
        Path temp = Files.createTempFile(root, ".active-", ".json");
        Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node), StandardCharsets.UTF_8);
        Files.move(temp, root.resolve(ACTIVE_FILE), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /** Contents of {@code active.json}: the active version (or null) and the earlier ones, oldest first. */
    private record Pointer(String active, List<String> previous) {
    }
}
