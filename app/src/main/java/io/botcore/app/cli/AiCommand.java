package io.botcore.app.cli;

import io.botcore.ai.AiApplication;
import io.botcore.ai.AiSettings;
import io.botcore.platform.config.ConfigException;
import io.botcore.platform.config.LoadedConfig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "ai", mixinStandardHelpOptions = true, subcommands = {AiTrainCommand.class, AiModelsCommand.class},
        description = "Run the AI service (default :8000) until stopped; 'ai train' trains the models, 'ai models' "
                + "lists, promotes and rolls them back.")
public final class AiCommand implements Callable<Integer> {

    static final String CONFIG_FILE = "config/config.yaml";

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--port", description = "HTTP port (overrides server.port)")
    Integer port;

    @Override
    public Integer call() {
        AiSettings settings;
        try {
            settings = settings(options, port);
        } catch (ConfigException e) {
            return ConfigErrors.report("ai", e);
        }
        ConfigurableApplicationContext context = AiApplication.start(settings);
        System.out.println("ai service listening on http://" + settings.host() + ":"
                + context.getEnvironment().getProperty("local.server.port"));
        return Lifecycle.serveUntilStopped(context);
    }

    static AiSettings settings(ConfigOptions options, Integer port) {
        Map<String, String> flags = new LinkedHashMap<>();
        if (port != null) {
            flags.put(AiSettings.PORT.key(), String.valueOf(port));
        }
        LoadedConfig config = options.load(CONFIG_FILE, AiSettings.SETTINGS, flags);
        AiSettings s = AiSettings.from(config);
        return s.withFolders(Home.resolve(s.logDir()).toString(), Home.resolve(s.dataDir()).toString());
    }
}
