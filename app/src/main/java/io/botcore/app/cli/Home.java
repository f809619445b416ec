package io.botcore.app.cli;

import java.nio.file.Path;

/**
 * Where Bot Core's files are: the {@code botcore.home} system property, else {@code BOTCORE_HOME} (set by
 * the {@code ./bot-core} launcher to the repository root), else the working directory. Config, {@code .env}, {@code data/} and {@code logs/}
 * resolve against it.
 */
final class Home {

    private Home() {
    }

    static Path dir() {
        String home = System.getProperty("botcore.home", System.getenv("BOTCORE_HOME"));
        return Path.of(home == null || home.isBlank() ? "." : home).toAbsolutePath().normalize();
    }

    static Path resolve(String relative) {
        Path path = Path.of(relative);
        return path.isAbsolute() ? path : dir().resolve(path).normalize();
    }
}
