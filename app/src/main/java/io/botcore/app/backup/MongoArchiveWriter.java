package io.botcore.app.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;

import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Writes a mongodump archive (mongo-tools' archive format 0.1): the magic number {@code 0x8199e26d}, a header
 * document, one metadata document per collection, a terminator, then for each collection a namespace header,
 * its documents and a terminator (left out for an empty collection), closed by an EOF header carrying the
 * CRC-64 of the collection's documents.
 * Collections are written one after the other (mongodump interleaves them; readers accept both). Wrap the
 * stream in a {@link java.util.zip.GZIPOutputStream} for the {@code --archive --gzip} form. Not thread-safe.
 */
public final class MongoArchiveWriter implements AutoCloseable {

    /** The archive's magic number, written little-endian. */
    public static final int MAGIC = 0x8199e26d;
    static final int TERMINATOR = 0xffffffff;
    static final String FORMAT_VERSION = "0.1";
    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private final OutputStream out;
    private CollectionDump open;
    private boolean segment;
    private Crc64 crc;

    /**
     * Writes the prelude: magic number, header and the metadata of every collection that will follow.
     *
     * @param serverVersion version of the server the data comes from, as {@code buildInfo} reports it
     * @param toolVersion what wrote the archive
     */
    public MongoArchiveWriter(OutputStream out, String serverVersion, String toolVersion, List<CollectionDump> collections)
            throws IOException {
        this.out = out;
        writeInt(MAGIC);
        write(new Document("concurrent_collections", 1).append("version", FORMAT_VERSION)
                .append("server_version", serverVersion).append("tool_version", toolVersion));
        for (CollectionDump c : collections) {
            write(new Document("db", c.database()).append("collection", c.collection())
                    .append("metadata", metadataJson(c)).append("size", 0).append("type", "collection"));
        }
        writeInt(TERMINATOR);
    }

    /** The collection's {@code metadata.json} as mongodump writes it, in canonical Extended JSON. */
    static String metadataJson(CollectionDump c) {
        return new Document("indexes", c.indexes()).append("collectionName", c.collection())
                .append("type", "collection").append("options", c.options()).toJson(CANONICAL);
    }

    /** Starts the documents of a collection named in the prelude. */
    public void begin(CollectionDump collection) throws IOException {
        if (open != null) {
            throw new IllegalStateException("collection " + open.namespace() + " is still open");
        }
        open = collection;
        segment = false;
        crc = new Crc64();
    }

    /** Appends one document of the open collection. */
    public void document(RawBsonDocument document) throws IOException {
        if (open == null) {
            throw new IllegalStateException("no collection is open");
        }
        if (!segment) {
            write(new Document("db", open.database()).append("collection", open.collection())
                    .append("EOF", false).append("CRC", 0L));
            segment = true;
        }
        ByteBuffer bytes = document.getByteBuffer().asNIO();
        byte[] data = new byte[bytes.remaining()];
        bytes.get(data);
        crc.update(data, 0, data.length);
        out.write(data);
    }

    /** Closes the open collection: terminator, EOF header with the CRC, terminator. */
    public void end(CollectionDump collection) throws IOException {
        if (open == null || !collection.namespace().equals(open.namespace())) {
            throw new IllegalStateException("collection " + collection.namespace() + " is not the open one");
        }
        if (segment) {
            writeInt(TERMINATOR);
        }
        write(new Document("db", collection.database()).append("collection", collection.collection())
                .append("EOF", true).append("CRC", crc.value()));
        writeInt(TERMINATOR);
        open = null;
    }

    @Override
    public void close() throws IOException {
        if (open != null) {
            throw new IllegalStateException("collection " + open.namespace() + " was not ended");
        }
        out.close();
    }

    private void write(Document document) throws IOException {
        BsonDocument bson = document.toBsonDocument();
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            new BsonDocumentCodec().encode(writer, bson, EncoderContext.builder().build());
        }
        buffer.pipe(out);
    }

    private void writeInt(int value) throws IOException {
        out.write(value & 0xFF);
        out.write((value >>> 8) & 0xFF);
        out.write((value >>> 16) & 0xFF);
        out.write((value >>> 24) & 0xFF);
    }
}
