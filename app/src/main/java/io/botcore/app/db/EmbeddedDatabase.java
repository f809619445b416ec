package io.botcore.app.db;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;

import io.netty.channel.Channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MongoDB: mongo-java-server speaking the wire protocol, storing into one H2 MVStore file.
 * Every write command is committed to the file before it is acknowledged, so a {@code kill -9} of this
 * process loses no acknowledged write (H2's own default would be to commit once a second).
 *
 * <p>Thread-safe (the server handles each connection on Netty's event loop).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** File name of the store inside the database folder. */
    public static final String STORE_FILE = "bot_core.mv";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final MongoServer server;
    private final Path store;

    private EmbeddedDatabase(MongoServer server, Path store) {
        this.server = server;
        this.store = store;
    }

    /**
     * Opens (or creates) the store under {@code dir} and listens on {@code host:port}.
     *
     * @throws UncheckedIOException when the folder cannot be created
     */
    public static EmbeddedDatabase start(String host, int port, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create database folder " + dir, e);
        }
        Path store = dir.resolve(STORE_FILE);
        MongoServer server = new MongoServer(new CommitOnWriteBackend(store.toString()));
        server.bind(host, port);
        log.info("embedded MongoDB listening on {} with data in {}", server.getLocalAddress(), store);
        return new EmbeddedDatabase(server, store);
    }

    /** The port actually bound (useful when started on port 0). */
    public int port() {
        return server.getLocalAddress().getPort();
    }

    public Path store() {
        return store;
    }

    /** Stops listening, closes client connections and closes the store file cleanly. */
    @Override
    public void close() {
        server.shutdownNow();
        log.info("embedded MongoDB stopped; {} closed", store);
    }

    private static final class CommitOnWriteBackend extends H2Backend {

        private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
                "createindexes", "dropindexes", "drop", "dropdatabase", "create", "renamecollection");

        CommitOnWriteBackend(String file) {
            super(file);
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            Document result = super.handleCommand(channel, databaseName, command, query);
            if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
                commit();
            }
            return result;
        }
    }
}
