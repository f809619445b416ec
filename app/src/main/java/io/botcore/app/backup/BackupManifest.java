package io.botcore.app.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code manifest.json} of a backup: what the database held (documents and indexes per collection) and the
 * SHA-256 of every file, so a restore can be checked against it and a damaged file is found before use.
 *
 * @param formatVersion version of this manifest layout (1)
 * @param name backup name, its UTC start time {@code yyyyMMdd-HHmmss}
 * @param createdAt start of the backup, ISO-8601 UTC
 * @param finishedAt end of the backup, ISO-8601 UTC
 * @param database name of the database that was dumped
 * @param serverVersion the database server's version
 * @param tool what wrote the backup
 * @param collections per collection: document count and index definitions
 * @param files per file name: size and SHA-256
 */
public record BackupManifest(int formatVersion, String name, String createdAt, String finishedAt, String database,
        String serverVersion, String tool, Map<String, CollectionEntry> collections, Map<String, FileEntry> files) {

    /** The manifest's own file name inside a backup folder. */
    public static final String FILE = "manifest.json";

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * @param documents documents in the collection when it was dumped
     * @param indexes its indexes
     */
    public record CollectionEntry(long documents, List<IndexDefinition> indexes) {
    }

    /**
     * @param bytes file size
     * @param sha256 lower-case hex SHA-256 of the file
     */
    public record FileEntry(long bytes, String sha256) {

        public static FileEntry of(Path file) throws IOException {
            return new FileEntry(Files.size(file), BackupManifest.sha256(file));
        }
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(this) + "\n");
    }

    public static BackupManifest read(Path file) throws IOException {
        try {
            return JSON.readValue(Files.readString(file), BackupManifest.class);
        } catch (tools.jackson.core.JacksonException e) {
            throw new IOException(file + " is not a backup manifest: " + e.getOriginalMessage(), e);
        }
    }

    public long documents() {
        return collections.values().stream().mapToLong(CollectionEntry::documents).sum();
    }

    /**
     * Checks every file the manifest lists against its size and SHA-256.
     *
     * @return one line per problem, empty when every file is intact
     */
    public List<String> checkFiles(Path folder) throws IOException {
        List<String> problems = new java.util.ArrayList<>();
        for (Map.Entry<String, FileEntry> f : files.entrySet()) {
            Path file = folder.resolve(f.getKey());
            if (!Files.isRegularFile(file)) {
                problems.add(f.getKey() + ": missing");
                continue;
            }
            String actual = sha256(file);
            if (!actual.equals(f.getValue().sha256())) {
                problems.add(f.getKey() + ": SHA-256 " + actual + " differs from the manifest's " + f.getValue().sha256());
            }
        }
        return problems;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
