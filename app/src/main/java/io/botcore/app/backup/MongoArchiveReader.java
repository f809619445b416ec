package io.botcore.app.backup;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

/**
 * Reads a mongodump archive (as {@link MongoArchiveWriter} or mongodump writes it, collections possibly
 * interleaved) and checks it: magic number, prelude, every namespace closed by an EOF header whose CRC-64
 * matches the documents read, no collection missing. Give it the decompressed stream for a {@code --gzip}
 * archive. Not thread-safe.
 */
public final class MongoArchiveReader {

    /** Receives the documents of the archive as they are read. */
    public interface Consumer {
        /** Called once, after the prelude, before any document. */
        void prelude(Prelude prelude) throws IOException;

        void document(CollectionDump collection, RawBsonDocument document) throws IOException;

        /** Called when the collection's EOF header has been read and its checksum verified. */
        void end(CollectionDump collection, long documents) throws IOException;
    }

    /**
     * The archive's header and collection list.
     *
     * @param serverVersion {@code server_version} of the header
     * @param toolVersion {@code tool_version} of the header
     * @param collections the collections, in prelude order
     */
    public record Prelude(String serverVersion, String toolVersion, List<CollectionDump> collections) {
    }

    private final DataInputStream in;

    public MongoArchiveReader(InputStream in) {
        this.in = new DataInputStream(in);
    }

    /**
     * Reads the whole archive.
     *
     * @throws ArchiveFormatException when the archive is not a complete, consistent mongodump archive
     */
    public Prelude read(Consumer consumer) throws IOException {
        int magic = readIntOrEnd();
        if (magic != MongoArchiveWriter.MAGIC) {
            throw new ArchiveFormatException(String.format("not a mongodump archive (magic number %08x, expected %08x)",
                    magic, MongoArchiveWriter.MAGIC));
        }
        Document header = document(readDocument(readIntOrEnd(), "header"));
        String version = header.getString("version");
        if (!MongoArchiveWriter.FORMAT_VERSION.equals(version)) {
            throw new ArchiveFormatException("archive format version " + version + " is not supported (only "
                    + MongoArchiveWriter.FORMAT_VERSION + ")");
        }
        Map<String, CollectionDump> collections = new LinkedHashMap<>();
        for (int size = readIntOrEnd(); size != MongoArchiveWriter.TERMINATOR; size = readIntOrEnd()) {
            Document meta = document(readDocument(size, "collection metadata"));
            CollectionDump c = collection(meta);
            collections.put(c.namespace(), c);
        }
        Prelude prelude = new Prelude(header.getString("server_version"), header.getString("tool_version"),
                List.copyOf(collections.values()));
        consumer.prelude(prelude);

        Map<String, Crc64> checksums = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        List<String> closed = new ArrayList<>();
        while (true) {
            int size;
            try {
                size = in.readInt();
            } catch (EOFException end) {
                break;
            }
            Document nsHeader = document(readDocument(Integer.reverseBytes(size), "namespace header"));
            String ns = nsHeader.getString("db") + "." + nsHeader.getString("collection");
            CollectionDump collection = collections.get(ns);
            if (collection == null) {
                throw new ArchiveFormatException("namespace " + ns + " is not in the archive's prelude");
            }
            if (closed.contains(ns)) {
                throw new ArchiveFormatException("namespace " + ns + " continues after its EOF header");
            }
            Crc64 crc = checksums.computeIfAbsent(ns, k -> new Crc64());
            if (nsHeader.getBoolean("EOF", false)) {
                long expected = nsHeader.get("CRC", Number.class).longValue();
                if (crc.value() != expected) {
                    throw new ArchiveFormatException(String.format("CRC mismatch for %s: documents give %d, EOF header says %d",
                            ns, crc.value(), expected));
                }
                if (readIntOrEnd() != MongoArchiveWriter.TERMINATOR) {
                    throw new ArchiveFormatException("EOF header of " + ns + " is not followed by the terminator");
                }
                closed.add(ns);
                consumer.end(collection, counts.getOrDefault(ns, 0L));
                continue;
            }
            for (int docSize = readIntOrEnd(); docSize != MongoArchiveWriter.TERMINATOR; docSize = readIntOrEnd()) {
                byte[] bytes = readDocument(docSize, "document of " + ns);
                crc.update(bytes, 0, bytes.length);
                counts.merge(ns, 1L, Long::sum);
                consumer.document(collection, new RawBsonDocument(bytes));
            }
        }
        for (String ns : collections.keySet()) {
            if (!closed.contains(ns)) {
                throw new ArchiveFormatException("archive ends before the EOF header of " + ns + " (truncated?)");
            }
        }
        return prelude;
    }

    static CollectionDump collection(Document meta) {
        String metadata = meta.getString("metadata");
        Document parsed = metadata == null || metadata.isEmpty() ? new Document() : Document.parse(metadata);
        List<Document> indexes = parsed.getList("indexes", Document.class, List.of());
        return new CollectionDump(meta.getString("db"), meta.getString("collection"), indexes,
                parsed.get("options", Document.class));
    }

    private int readIntOrEnd() throws IOException {
        try {
            return Integer.reverseBytes(in.readInt());
        } catch (EOFException e) {
            throw new ArchiveFormatException("archive ends unexpectedly (truncated?)");
        }
    }

    /** Reads the rest of a BSON document whose little-endian length was just read. */
    private byte[] readDocument(int size, String what) throws IOException {
        if (size < 5 || size > 48 * 1024 * 1024) {
            throw new ArchiveFormatException("bad BSON length " + size + " for the " + what);
        }
        byte[] bytes = new byte[size];
        bytes[0] = (byte) size;
        bytes[1] = (byte) (size >>> 8);
        bytes[2] = (byte) (size >>> 16);
        bytes[3] = (byte) (size >>> 24);
        try {
            in.readFully(bytes, 4, size - 4);
        } catch (EOFException e) {
            throw new ArchiveFormatException("archive ends inside the " + what + " (truncated?)");
        }
        if (bytes[size - 1] != 0) {
            throw new ArchiveFormatException("the " + what + " is not a BSON document (no trailing zero)");
        }
        return bytes;
    }

    private static Document document(byte[] bytes) {
        return new RawBsonDocument(bytes).decode(new DocumentCodec());
    }
}
