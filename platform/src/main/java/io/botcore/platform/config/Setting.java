package io.botcore.platform.config;

import java.util.Objects;

/**
 * One configuration key: where it lives in the config file, which environment variable overrides it,
 * its default, and how a raw value is parsed and checked.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param key dotted path in the config file, for example {@code server.workers}
 * @param env environment variable (also read from {@code .env}) that overrides the file
 * @param defaultValue value used when neither file, environment nor flags set the key; may be null
 *     only for optional settings
 * @param parser turns a raw value (TOML/YAML scalar or environment string) into {@code T}
 * @param secret true when the value must never be printed or logged
 * @param description one line for help text and {@code validate-env}
 * @param <T> the parsed value type
 */
public record Setting<T>(String key, String env, T defaultValue, ValueParser<T> parser, boolean secret,
        String description) {

    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(description, "description");
        if (!key.contains(".")) {
            throw new IllegalArgumentException("key must be section.name, got " + key);
        }
    }

    /** A plain setting whose environment variable is {@code BOTCORE_<SECTION>_<NAME>}. */
    public static <T> Setting<T> of(String key, T defaultValue, ValueParser<T> parser, String description) {
        return new Setting<>(key, defaultEnvName(key), defaultValue, parser, false, description);
    }

    /** Returns a copy that is overridden by the given environment variable instead of the default one. */
    public Setting<T> withEnv(String envName) {
        return new Setting<>(key, envName, defaultValue, parser, secret, description);
    }

    /** Returns a copy marked secret: never printed, registered for log redaction. */
    public Setting<T> asSecret() {
        return new Setting<>(key, env, defaultValue, parser, true, description);
    }

    static String defaultEnvName(String key) {
        return "BOTCORE_" + key.replace('.', '_').replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    }
}
