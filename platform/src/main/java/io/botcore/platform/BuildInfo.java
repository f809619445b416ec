package io.botcore.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Facts about this build, filled in by Maven at package time. */
public final class BuildInfo {

    private static final String VERSION = load().getProperty("version", "unknown");

    private BuildInfo() {
    }

    /** The project version, for example {@code 0.1.0}. */
    public static String version() {
        return VERSION;
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/META-INF/botcore/build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
