package io.botcore.app.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import io.botcore.app.db.EmbeddedDatabase;
import io.botcore.platform.mongo.DatabaseSettings;
import io.botcore.platform.mongo.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoArchiveTest {

    @TempDir
    Path dir;

    @Test
    void shouldComputeTheCrc64XzCheckValue() {
        // the catalogue check value of CRC-64/XZ (Go's crc64 with the ECMA table) for "123456789"
        Crc64 crc = new Crc64();
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        crc.update(check, 0, check.length);
        assertThat(crc.value()).isEqualTo(0x995DC9BBDF1939FAL);
    }

    @Test
    void shouldWriteTheDocumentedLayoutByteForByte() throws IOException {
        CollectionDump users = new CollectionDump("bot_core", "users", List.of(), null);
        RawBsonDocument doc = RawBsonDocument.parse("{\"_id\": 1}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MongoArchiveWriter writer = new MongoArchiveWriter(out, "7.0.0", "test", List.of(users))) {
            writer.begin(users);
            writer.document(doc);
            writer.end(users);
        }
        byte[] bytes = out.toByteArray();
        // magic number 0x8199e26d little-endian
        assertThat(Arrays.copyOfRange(bytes, 0, 4)).containsExactly(0x6d, 0xe2, 0x99, 0x81);
        int pos = 4;
        Document header = bson(bytes, pos);
        assertThat(header).containsEntry("version", "0.1").containsEntry("server_version", "7.0.0")
                .containsEntry("concurrent_collections", 1);
        pos += length(bytes, pos);
        Document meta = bson(bytes, pos);
        assertThat(meta.getString("db")).isEqualTo("bot_core");
        assertThat(Document.parse(meta.getString("metadata")).getString("collectionName")).isEqualTo("users");
        pos += length(bytes, pos);
        assertThat(length(bytes, pos)).isEqualTo(-1); // prelude terminator
        pos += 4;
        Document nsHeader = bson(bytes, pos);
        assertThat(nsHeader).containsEntry("EOF", false).containsEntry("CRC", 0L);
        pos += length(bytes, pos);
        byte[] docBytes = Arrays.copyOfRange(bytes, pos, pos + length(bytes, pos));
        assertThat(new RawBsonDocument(docBytes)).isEqualTo(doc);
        pos += docBytes.length;
        assertThat(length(bytes, pos)).isEqualTo(-1);
        pos += 4;
        Document eof = bson(bytes, pos);
        Crc64 expected = new Crc64();
        expected.update(docBytes, 0, docBytes.length);
        assertThat(eof).containsEntry("EOF", true).containsEntry("CRC", expected.value());
        pos += length(bytes, pos);
        assertThat(length(bytes, pos)).isEqualTo(-1);
        assertThat(pos + 4).isEqualTo(bytes.length);
    }

    @Test
    void shouldRoundTripADatabaseThroughAGzipArchive() throws IOException {
        byte[] archive;
        DatabaseDump.Result dumped;
        try (EmbeddedDatabase server = EmbeddedDatabase.start("127.0.0.1", 0, dir.resolve("a"));
                MongoClient client = client(server)) {
            MongoDatabase db = client.getDatabase("bot_core");
            List<Document> orders = new ArrayList<>();
            for (int i = 0; i < 2500; i++) {
                orders.add(new Document("_id", "order-" + i).append("client_order_id", "c-" + i)
                        .append("qty", new Decimal128(new BigDecimal("0.00100000").add(BigDecimal.valueOf(i))))
                        .append("created_at", new Date(1_700_000_000_000L + i)));
            }
            db.getCollection("orders").insertMany(orders);
            db.getCollection("orders").createIndex(Indexes.ascending("client_order_id"), new IndexOptions().unique(true));
            db.getCollection("users").insertOne(new Document("_id", "u1").append("roles", List.of("admin")));
            db.createCollection("signals");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            dumped = DatabaseDump.dump(db, new GZIPOutputStream(out), "bot-core test");
            archive = out.toByteArray();
        }
        assertThat(dumped.collections()).containsOnlyKeys("orders", "signals", "users");
        assertThat(dumped.collections().get("orders").documents()).isEqualTo(2500);
        assertThat(dumped.collections().get("orders").indexes()).extracting(IndexDefinition::name)
                .contains("_id_", "client_order_id_1");

        try (EmbeddedDatabase server = EmbeddedDatabase.start("127.0.0.1", 0, dir.resolve("b"));
                MongoClient client = client(server)) {
            MongoDatabase target = client.getDatabase("restored");
            DatabaseRestore.Result result = DatabaseRestore.restore(new GZIPInputStream(new ByteArrayInputStream(archive)),
                    target, false);
            assertThat(result.inserted()).isEqualTo(2501);
            assertThat(target.getCollection("orders").countDocuments()).isEqualTo(2500);
            assertThat(target.getCollection("orders").find(new Document("_id", "order-7")).first())
                    .isEqualTo(new Document("_id", "order-7").append("client_order_id", "c-7")
                            .append("qty", new Decimal128(new BigDecimal("7.00100000")))
                            .append("created_at", new Date(1_700_000_000_007L)));
            assertThat(target.listCollectionNames().into(new ArrayList<>())).contains("signals");
            assertThat(target.getCollection("orders").listIndexes().map(IndexDefinition::of).into(new ArrayList<>()))
                    .contains(new IndexDefinition("client_order_id_1", new Document("client_order_id", 1), true, false, null));

            DatabaseRestore.Result again = DatabaseRestore.restore(new GZIPInputStream(new ByteArrayInputStream(archive)),
                    target, false);
            assertThat(again.inserted()).isZero();
            assertThat(again.skipped()).isEqualTo(2501);

            target.getCollection("users").insertOne(new Document("_id", "u2"));
            DatabaseRestore.Result dropped = DatabaseRestore.restore(new GZIPInputStream(new ByteArrayInputStream(archive)),
                    target, true);
            assertThat(dropped.inserted()).isEqualTo(2501);
            assertThat(target.getCollection("users").countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void shouldRejectACorruptedOrTruncatedArchive() throws IOException {
        CollectionDump users = new CollectionDump("bot_core", "users", List.of(), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MongoArchiveWriter writer = new MongoArchiveWriter(out, "7.0.0", "test", List.of(users))) {
            writer.begin(users);
            writer.document(RawBsonDocument.parse("{\"_id\": \"abc\", \"n\": 5}"));
            writer.end(users);
        }
        byte[] good = out.toByteArray();
        byte[] flipped = good.clone();
        int at = indexOf(flipped, "abc".getBytes(StandardCharsets.US_ASCII));
        flipped[at] = 'x';
        assertThatThrownBy(() -> readAll(flipped)).isInstanceOf(ArchiveFormatException.class)
                .hasMessageContaining("CRC mismatch for bot_core.users");
        assertThatThrownBy(() -> readAll(Arrays.copyOf(good, good.length - 10)))
                .isInstanceOf(ArchiveFormatException.class).hasMessageContaining("truncated");
        byte[] notArchive = "PK\u0003\u0004 a zip file".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> readAll(notArchive)).isInstanceOf(ArchiveFormatException.class)
                .hasMessageContaining("not a mongodump archive");
    }

    private static void readAll(byte[] archive) throws IOException {
        new MongoArchiveReader(new ByteArrayInputStream(archive)).read(new MongoArchiveReader.Consumer() {
            @Override
            public void prelude(MongoArchiveReader.Prelude prelude) {
            }

            @Override
            public void document(CollectionDump collection, RawBsonDocument document) {
            }

            @Override
            public void end(CollectionDump collection, long documents) {
            }
        });
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    static MongoClient client(EmbeddedDatabase server) {
        return MongoClients.create(DatabaseSettings.of("mongodb://127.0.0.1:" + server.port() + "/bot_core"),
                new SimpleMeterRegistry());
    }

    private static int length(byte[] b, int pos) {
        return (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8 | (b[pos + 2] & 0xFF) << 16 | (b[pos + 3] & 0xFF) << 24;
    }

    private static Document bson(byte[] b, int pos) {
        return new RawBsonDocument(Arrays.copyOfRange(b, pos, pos + length(b, pos)))
                .decode(new org.bson.codecs.DocumentCodec());
    }
}
