package io.botcore.app.backup;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.RawBsonDocument;

/**
 * Dumps every collection of a database (except {@code system.*}) into a mongodump archive, the way
 * {@code mongodump --db NAME --archive} does: documents as stored, index definitions in the metadata.
 * Like mongodump without {@code --oplog}, the copy is per collection, not one point in time across them.
 */
public final class DatabaseDump {

    /**
     * What was dumped.
     *
     * @param serverVersion the server's {@code buildInfo} version
     * @param collections per collection: documents written and index definitions
     */
    public record Result(String serverVersion, Map<String, CollectionSummary> collections) {

        public long documents() {
            return collections.values().stream().mapToLong(CollectionSummary::documents).sum();
        }
    }

    /**
     * One collection in a backup.
     *
     * @param documents documents written
     * @param indexes its indexes
     */
    public record CollectionSummary(long documents, List<IndexDefinition> indexes) {

        public CollectionSummary {
            indexes = List.copyOf(indexes);
        }
    }

    private DatabaseDump() {
    }

    /** Writes the archive to {@code out} (closed at the end). */
    public static Result dump(MongoDatabase database, OutputStream out, String toolVersion) throws IOException {
        Document buildInfo = database.runCommand(new Document("buildInfo", 1));
        String serverVersion = buildInfo.getString("version");
        List<CollectionDump> collections = new ArrayList<>();
        for (String name : database.listCollectionNames().into(new ArrayList<>()).stream().sorted().toList()) {
            if (name.startsWith("system.")) {
                continue;
            }
            List<Document> indexes = new ArrayList<>();
            for (Document index : database.getCollection(name).listIndexes()) {
                Document copy = new Document(index);
                copy.remove("ns");
                indexes.add(copy);
            }
            collections.add(new CollectionDump(database.getName(), name, indexes, new Document()));
        }
        Map<String, CollectionSummary> summary = new LinkedHashMap<>();
        try (MongoArchiveWriter writer = new MongoArchiveWriter(out, serverVersion, toolVersion, collections)) {
            for (CollectionDump c : collections) {
                MongoCollection<RawBsonDocument> source = database.getCollection(c.collection(), RawBsonDocument.class);
                long count = 0;
                writer.begin(c);
                try (MongoCursor<RawBsonDocument> cursor = source.find().batchSize(1000).iterator()) {
                    while (cursor.hasNext()) {
                        writer.document(cursor.next());
                        count++;
                    }
                }
                writer.end(c);
                summary.put(c.collection(), new CollectionSummary(count, c.indexes().stream().map(IndexDefinition::of).toList()));
            }
        }
        return new Result(serverVersion, summary);
    }
}
