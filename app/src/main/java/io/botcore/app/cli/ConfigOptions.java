package io.botcore.app.cli;

import io.botcore.platform.config.ConfigException;
import io.botcore.platform.config.ConfigLoader;
import io.botcore.platform.config.LoadedConfig;
import io.botcore.platform.config.Setting;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Option;

/** Options every service command shares: config file, {@code .env} file and per-key overrides. */
final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "config file (default: ${DEFAULT-VALUE})")
    String config;

    @Option(names = "--env-file", paramLabel = "FILE", defaultValue = ".env",
            description = "environment file read below the real environment (default: ${DEFAULT-VALUE})")
    String envFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override one setting, e.g. --set server.workers=4")
    Map<String, String> overrides = new LinkedHashMap<>();

    Path configFile(String defaultFile) {
        return Home.resolve(config == null ? defaultFile : config);
    }

    Map<String, String> environment() {
        return ConfigLoader.environment(Home.resolve(envFile));
    }

    /**
     * Loads settings, printing warnings to stderr.
     *
     * @throws ConfigException listing every problem
     */
    LoadedConfig load(String defaultFile, List<Setting<?>> settings, Map<String, String> extraFlags) {
        Map<String, String> flags = new LinkedHashMap<>(overrides);
        flags.putAll(extraFlags);
        LoadedConfig loaded = ConfigLoader.load(configFile(defaultFile), settings, environment(), flags);
        loaded.warnings().forEach(w -> System.err.println("warning: " + w));
        return loaded;
    }

    /** Every valid value and every problem, without printing or throwing. */
    ConfigLoader.Resolution resolve(String defaultFile, List<Setting<?>> settings) {
        return ConfigLoader.resolve(configFile(defaultFile), settings, environment(), overrides);
    }
}
