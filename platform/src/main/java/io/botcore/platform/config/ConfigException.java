package io.botcore.platform.config;

import java.util.List;

/**
 * The configuration cannot be used: every problem found is listed, each naming its source, key, value
 * and what was expected. Start-up stops on it (a fatal configuration error needs an operator).
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;
    private final List<String> warnings;

    public ConfigException(List<String> problems, List<String> warnings) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
        this.warnings = List.copyOf(warnings);
    }

    public List<String> problems() {
        return problems;
    }

    /** Warnings found while reading (unknown keys), worth showing beside the problems. */
    public List<String> warnings() {
        return warnings;
    }
}
