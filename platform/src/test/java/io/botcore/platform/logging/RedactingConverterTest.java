package io.botcore.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;

import org.junit.jupiter.api.Test;

class RedactingConverterTest {

    private final Logger logger = new LoggerContext().getLogger("test");

    @Test
    void shouldMaskRegisteredSecretsInMessagesAndExceptions() {
        String secret = "s3cr3t-value-registered-for-this-test";
        SecretRegistry.register(secret);
        LoggingEvent event = new LoggingEvent("fqcn", logger, Level.ERROR, "login with token {}",
                new IllegalStateException("bad key " + secret), new Object[] {secret});

        String line = new RedactingConverter().convert(event);

        assertThat(line).doesNotContain(secret)
                .startsWith("login with token **** | java.lang.IllegalStateException: bad key ****");
    }

    @Test
    void shouldKeepOneEventOnOneLine() {
        LoggingEvent event = new LoggingEvent("fqcn", logger, Level.INFO, "forged\n2026-01-01 INFO fake line",
                null, null);

        assertThat(new RedactingConverter().convert(event)).isEqualTo("forged\\n2026-01-01 INFO fake line");
    }

    @Test
    void shouldIgnoreValuesTooShortToBeSecrets() {
        SecretRegistry.register("abc");

        assertThat(SecretRegistry.redact("abcdef")).isEqualTo("abcdef");
    }
}
