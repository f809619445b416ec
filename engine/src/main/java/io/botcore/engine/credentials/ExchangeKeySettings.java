package io.botcore.engine.credentials;

import io.botcore.platform.config.Setting;
import io.botcore.platform.config.ValueParser;

import java.util.List;

/**
 * The keys that seal exchange API keys at rest: {@code EXCHANGE_KEY_ENCRYPTION_KEY} (written by
 * {@code ./bot-core generate-secrets} when absent) and, during a rotation, the one before it.
 */
public final class ExchangeKeySettings {

    /** 32 random bytes in base64; both keys are registered as secrets, so never logged. */
    public static final Setting<String> KEY = Setting.of("security.exchange_key_encryption_key", null, key(),
            "AES-256-GCM key sealing users' exchange API keys (written by generate-secrets)")
            .withEnv("EXCHANGE_KEY_ENCRYPTION_KEY").asSecret();
    public static final Setting<String> PREVIOUS_KEY = Setting.of("security.exchange_key_encryption_key_previous",
            null, key(), "the key before the last rotation; values it sealed are sealed again at engine start")
            .withEnv("EXCHANGE_KEY_ENCRYPTION_KEY_PREVIOUS").asSecret();

    /** Both settings. */
    public static final List<Setting<?>> ALL = List.of(KEY, PREVIOUS_KEY);

    private ExchangeKeySettings() {
    }

    private static ValueParser<String> key() {
        return new ValueParser<>() {
            @Override
            public String parse(Object raw) {
                if (!(raw instanceof String s)) {
                    throw new IllegalArgumentException(expected());
                }
                try {
                    ExchangeKeyCipher.of(s);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(expected() + " (" + e.getMessage() + ")");
                }
                return s.strip();
            }

            @Override
            public String expected() {
                return "32 random bytes in base64 (./bot-core generate-secrets writes one)";
            }
        };
    }
}
