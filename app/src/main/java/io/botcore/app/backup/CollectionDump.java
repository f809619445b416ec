package io.botcore.app.backup;

import java.util.List;
import java.util.Objects;

import org.bson.Document;

/**
 * One collection as a mongodump archive describes it in its prelude.
 *
 * @param database database name
 * @param collection collection name
 * @param indexes index definitions as {@code listIndexes} returns them (without {@code ns})
 * @param options collection options ({@code {}} for a plain collection)
 */
public record CollectionDump(String database, String collection, List<Document> indexes, Document options) {

    public CollectionDump {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(collection, "collection");
        indexes = List.copyOf(indexes);
        options = options == null ? new Document() : options;
    }

    /** {@code database.collection} */
    public String namespace() {
        return database + "." + collection;
    }
}
