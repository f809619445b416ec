package io.botcore.app.cli;

import io.botcore.engine.EngineApplication;
import io.botcore.engine.EngineSettings;
import io.botcore.platform.config.ConfigException;
import io.botcore.platform.config.LoadedConfig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "engine", mixinStandardHelpOptions = true,
        description = "Run the trading engine service (default :8080) until stopped.")
public final class EngineCommand implements Callable<Integer> {

    static final String CONFIG_FILE = "config/config.toml";

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--port", description = "HTTP port (overrides server.port)")
    Integer port;

    @Override
    public Integer call() {
        EngineSettings settings;
        try {
            settings = settings(options, port);
        } catch (ConfigException e) {
            return ConfigErrors.report("engine", e);
        }
        ConfigurableApplicationContext context = EngineApplication.start(settings);
        System.out.println("engine listening on http://" + settings.host() + ":"
                + context.getEnvironment().getProperty("local.server.port"));
        return Lifecycle.serveUntilStopped(context);
    }

    static EngineSettings settings(ConfigOptions options, Integer port) {
        Map<String, String> flags = new LinkedHashMap<>();
        if (port != null) {
            flags.put(EngineSettings.PORT.key(), String.valueOf(port));
        }
        LoadedConfig config = options.load(CONFIG_FILE, EngineSettings.SETTINGS, flags);
        EngineSettings s = EngineSettings.from(config);
        return new EngineSettings(s.host(), s.port(), s.workers(), s.maxConnections(), s.keepAlive(), s.database(),
                s.binanceBaseUrl(), s.aiServiceUrl(), s.cache(), s.auth(), s.trustedProxies(), s.logLevel(), Home.resolve(s.logDir()).toString(),
                Home.resolve(s.dataDir()).toString(), s.trading());
    }
}
