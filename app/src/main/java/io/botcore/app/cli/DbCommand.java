package io.botcore.app.cli;

import io.botcore.app.db.EmbeddedDatabase;
import io.botcore.platform.config.CommonSettings;
import io.botcore.platform.config.ConfigException;

import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "db", mixinStandardHelpOptions = true,
        description = "Run the embedded MongoDB (wire protocol, data in data/db/) until stopped.")
public final class DbCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to bind (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", defaultValue = "27017", description = "port to bind (default: ${DEFAULT-VALUE})")
    int port;

    @Override
    public Integer call() {
        String dataDir;
        try {
            dataDir = options.load(EngineCommand.CONFIG_FILE, io.botcore.engine.EngineSettings.SETTINGS, Map.of()).get(CommonSettings.DATA_DIR);
        } catch (ConfigException e) {
            return ConfigErrors.report("db", e);
        }
        PortCheck.requireFree("embedded database", host, port);
        EmbeddedDatabase db = EmbeddedDatabase.start(host, port, Home.resolve(dataDir).resolve("db"));
        System.out.println("embedded MongoDB on mongodb://" + host + ":" + db.port() + "/bot_core (data in "
                + db.store() + ")");
        return Lifecycle.serveUntilStopped(db);
    }
}
