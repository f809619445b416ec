package io.botcore.app.backup;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.RawBsonDocument;

/**
 * Restores a mongodump archive into a database, as {@code mongorestore --archive [--drop] --nsFrom/--nsTo}
 * does: with {@code drop} each collection of the archive is dropped first; without it documents whose
 * {@code _id} already exists are skipped and counted. Indexes are built after the data. Collections the
 * archive does not hold are left alone.
 */
public final class DatabaseRestore {

    private static final int BATCH = 1000;

    /**
     * What was restored.
     *
     * @param collections per collection: documents read from the archive, inserted, and skipped as existing
     */
    public record Result(Map<String, Counts> collections) {

        public long inserted() {
            return collections.values().stream().mapToLong(Counts::inserted).sum();
        }

        public long skipped() {
            return collections.values().stream().mapToLong(Counts::skipped).sum();
        }
    }

    /**
     * @param read documents in the archive
     * @param inserted documents written
     * @param skipped documents not written because their {@code _id} existed
     */
    public record Counts(long read, long inserted, long skipped) {
    }

    private DatabaseRestore() {
    }

    /** Restores the archive read from {@code in} into {@code target}, whatever database it was dumped from. */
    public static Result restore(InputStream in, MongoDatabase target, boolean drop) throws IOException {
        Map<String, Counts> result = new LinkedHashMap<>();
        new MongoArchiveReader(in).read(new MongoArchiveReader.Consumer() {
            private final List<RawBsonDocument> batch = new ArrayList<>();
            private long read;
            private long inserted;
            private long skipped;

            @Override
            public void prelude(MongoArchiveReader.Prelude prelude) {
                if (drop) {
                    List<String> existing = target.listCollectionNames().into(new ArrayList<>());
                    prelude.collections().stream().filter(c -> existing.contains(c.collection()))
                            .forEach(c -> target.getCollection(c.collection()).drop());
                }
            }

            @Override
            public void document(CollectionDump collection, RawBsonDocument document) {
                batch.add(document);
                read++;
                if (batch.size() >= BATCH) {
                    flush(collection);
                }
            }

            @Override
            public void end(CollectionDump collection, long documents) {
                flush(collection);
                if (!target.listCollectionNames().into(new ArrayList<>()).contains(collection.collection())) {
                    target.createCollection(collection.collection());
                }
                List<Document> specs = collection.indexes().stream().map(IndexDefinition::of)
                        .filter(i -> !i.name().equals("_id_")).map(IndexDefinition::spec).toList();
                if (!specs.isEmpty()) {
                    target.runCommand(new Document("createIndexes", collection.collection()).append("indexes", specs));
                }
                result.put(collection.collection(), new Counts(read, inserted, skipped));
                read = 0;
                inserted = 0;
                skipped = 0;
            }

            private void flush(CollectionDump collection) {
                if (batch.isEmpty()) {
                    return;
                }
                MongoCollection<RawBsonDocument> c = target.getCollection(collection.collection(), RawBsonDocument.class);
                try {
                    c.insertMany(batch, new InsertManyOptions().ordered(false));
                    inserted += batch.size();
                } catch (MongoBulkWriteException e) {
                    List<BulkWriteError> others = e.getWriteErrors().stream().filter(w -> w.getCode() != 11000).toList();
                    if (!others.isEmpty()) {
                        throw e;
                    }
                    skipped += e.getWriteErrors().size();
                    inserted += batch.size() - e.getWriteErrors().size();
                }
                batch.clear();
            }
        });
        return new Result(result);
    }
}
