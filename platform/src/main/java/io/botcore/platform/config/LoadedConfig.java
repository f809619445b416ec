package io.botcore.platform.config;

import java.util.List;
import java.util.Map;

/**
 * Resolved configuration: every setting's value and where it came from, plus warnings (unknown keys).
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param values parsed value per setting key (absent for an optional setting left unset)
 * @param origins where each value came from: {@code default}, a file path, {@code env NAME} or {@code flag}
 * @param warnings problems that do not stop start-up, each naming file and key
 */
public record LoadedConfig(Map<String, Object> values, Map<String, String> origins, List<String> warnings) {

    public LoadedConfig {
        values = Map.copyOf(values);
        origins = Map.copyOf(origins);
        warnings = List.copyOf(warnings);
    }

    /** The value of {@code setting}, or null when an optional setting is unset. */
    public <T> T get(Setting<T> setting) {
        @SuppressWarnings("unchecked")
        T value = (T) values.get(setting.key());
        return value;
    }

    public String origin(Setting<?> setting) {
        return origins.getOrDefault(setting.key(), "unset");
    }
}
