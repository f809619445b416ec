package io.botcore.app.backup;

import com.mongodb.client.MongoDatabase;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a database with a backup's manifest: the same collections, the same number of documents in each,
 * the same indexes (name, key, unique, sparse, TTL). Used by {@code verify-backup} on a scratch restore and
 * by the DR drill on the restored database.
 */
public final class BackupVerification {

    private BackupVerification() {
    }

    /** One line per difference; empty when the database matches the manifest. */
    public static List<String> differences(BackupManifest manifest, MongoDatabase database) {
        List<String> problems = new ArrayList<>();
        Set<String> present = new HashSet<>(database.listCollectionNames().into(new ArrayList<>()));
        for (Map.Entry<String, BackupManifest.CollectionEntry> e : manifest.collections().entrySet()) {
            String name = e.getKey();
            if (!present.contains(name)) {
                problems.add(name + ": missing");
                continue;
            }
            long count = database.getCollection(name).countDocuments();
            if (count != e.getValue().documents()) {
                problems.add(name + ": " + count + " documents, the backup has " + e.getValue().documents());
            }
            Set<IndexDefinition> expected = new HashSet<>(e.getValue().indexes());
            Set<IndexDefinition> actual = new HashSet<>();
            database.getCollection(name).listIndexes().forEach(i -> actual.add(IndexDefinition.of(i)));
            for (IndexDefinition i : expected) {
                if (!actual.contains(i)) {
                    problems.add(name + ": index " + i + " missing");
                }
            }
            for (IndexDefinition i : actual) {
                if (!expected.contains(i)) {
                    problems.add(name + ": index " + i + " not in the backup");
                }
            }
        }
        return problems;
    }
}
