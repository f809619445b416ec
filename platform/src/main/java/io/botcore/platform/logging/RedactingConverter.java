package io.botcore.platform.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

/**
 * Logback converter {@code %safe}: the formatted message followed by the exception chain on the same
 * line (one line per event), with every registered secret masked and line breaks escaped, so a value
 * typed by a client cannot forge extra log lines.
 */
public final class RedactingConverter extends ClassicConverter {

    private static final int MAX_FRAMES = 12;

    @Override
    public String convert(ILoggingEvent event) {
        StringBuilder out = new StringBuilder(event.getFormattedMessage() == null ? "" : event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            out.append(out.length() == 0 ? "" : " | ").append(t.getClassName()).append(": ").append(t.getMessage());
            StackTraceElementProxy[] frames = t.getStackTraceElementProxyArray();
            for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
                out.append(" at ").append(frames[i].getStackTraceElement());
            }
        }
        return SecretRegistry.redact(out.toString()).replace("\r", "\\r").replace("\n", "\\n");
    }
}
