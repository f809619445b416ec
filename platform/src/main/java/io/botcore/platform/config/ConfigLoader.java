package io.botcore.platform.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.botcore.platform.logging.SecretRegistry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.toml.TomlMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Resolves settings with the precedence defaults &lt; config file &lt; environment (and {@code .env}) &lt;
 * command-line flags. Unknown keys in the file are warnings naming file and key; values that do not
 * parse are errors naming source, key, value and what was expected, and every error is reported at once.
 *
 * <p>Stateless and thread-safe.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /**
     * @param file a {@code .toml} or {@code .yaml}/{@code .yml} file; a missing file means "defaults"
     * @param settings every setting the service knows
     * @param env environment values, already merged as {@code .env} &lt; process environment
     * @param flags overrides from the command line, by setting key
     * @throws ConfigException listing every problem when any value is invalid or the file is unreadable
     */
    public static LoadedConfig load(Path file, List<Setting<?>> settings, Map<String, String> env,
            Map<String, String> flags) {
        Resolution resolution = resolve(file, settings, env, flags);
        if (!resolution.errors().isEmpty()) {
            throw new ConfigException(resolution.errors(), resolution.config().warnings());
        }
        return resolution.config();
    }

    /**
     * Every valid value plus the list of errors, for callers that report problems instead of failing
     * on the first ({@code validate-env}). Settings with an invalid value are left unset.
     *
     * @param config the valid values and the warnings
     * @param errors every invalid value or unreadable file
     */
    public record Resolution(LoadedConfig config, List<String> errors) {
        public Resolution {
            errors = List.copyOf(errors);
        }
    }

    /** Like {@link #load} but never throws for bad values: they are returned as errors. */
    public static Resolution resolve(Path file, List<Setting<?>> settings, Map<String, String> env,
            Map<String, String> flags) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Object> fileValues = readFile(file, errors);

        Map<String, Setting<?>> byKey = settings.stream()
                .collect(Collectors.toMap(Setting::key, s -> s, (a, b) -> a, LinkedHashMap::new));
        for (String key : fileValues.keySet()) {
            if (!byKey.containsKey(key)) {
                warnings.add(file + ": unknown key '" + key + "' (ignored)");
            }
        }
        for (String key : flags.keySet()) {
            if (!byKey.containsKey(key)) {
                errors.add("flag: unknown setting '" + key + "'; known: " + String.join(", ", byKey.keySet()));
            }
        }

        Map<String, Object> values = new HashMap<>();
        Map<String, String> origins = new HashMap<>();
        for (Setting<?> setting : settings) {
            Object raw = setting.defaultValue();
            String origin = "default";
            boolean parsed = true;
            if (fileValues.containsKey(setting.key())) {
                raw = fileValues.get(setting.key());
                origin = file.toString();
                parsed = false;
            }
            String fromEnv = env.get(setting.env());
            if (fromEnv != null && !fromEnv.isEmpty()) {
                raw = fromEnv;
                origin = "env " + setting.env();
                parsed = false;
            }
            if (flags.containsKey(setting.key())) {
                raw = flags.get(setting.key());
                origin = "flag --set " + setting.key();
                parsed = false;
            }
            if (raw == null) {
                continue;
            }
            Object value = raw;
            if (!parsed) {
                try {
                    value = setting.parser().parse(raw);
                } catch (IllegalArgumentException e) {
                    String shown = setting.secret() ? "(secret, " + String.valueOf(raw).length() + " characters)"
                            : describe(raw);
                    errors.add(origin + ": " + setting.key() + " = " + shown + ": expected " + e.getMessage());
                    continue;
                }
            }
            if (setting.secret()) {
                SecretRegistry.register(String.valueOf(value));
            }
            values.put(setting.key(), value);
            origins.put(setting.key(), origin);
        }
        return new Resolution(new LoadedConfig(values, origins, warnings), errors);
    }

    /** The process environment over the values of {@code dotEnv} (the environment wins). */
    public static Map<String, String> environment(Path dotEnv) {
        Map<String, String> env = new HashMap<>(EnvFile.read(dotEnv).values());
        env.putAll(System.getenv());
        return env;
    }

    private static Map<String, Object> readFile(Path file, List<String> errors) {
        if (file == null || !Files.exists(file)) {
            return Map.of();
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".toml") ? new TomlMapper()
                : name.endsWith(".yaml") || name.endsWith(".yml") ? new YAMLMapper() : null;
        if (mapper == null) {
            errors.add(file + ": unsupported config format (expected .toml, .yaml or .yml)");
            return Map.of();
        }
        try {
            Map<?, ?> tree = mapper.readValue(file.toFile(), Map.class);
            Map<String, Object> flat = new LinkedHashMap<>();
            flatten("", tree == null ? Map.of() : tree, flat);
            return flat;
        } catch (JacksonException e) {
            errors.add(file + ": cannot parse: " + e.getOriginalMessage()
                    + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
            return Map.of();
        }
    }

    private static void flatten(String prefix, Map<?, ?> tree, Map<String, Object> out) {
        for (Map.Entry<?, ?> entry : tree.entrySet()) {
            String key = prefix + entry.getKey();
            if (entry.getValue() instanceof Map<?, ?> nested) {
                flatten(key + ".", nested, out);
            } else {
                out.put(key, entry.getValue());
            }
        }
    }

    private static String describe(Object raw) {
        return raw instanceof String s ? "\"" + s + "\"" : String.valueOf(raw);
    }
}
