package io.botcore.app.cli;

import io.botcore.platform.config.ConfigException;

/** Prints configuration problems the way an operator needs them: all at once, one per line. */
final class ConfigErrors {

    /** Exit code of a refused start-up because of configuration. */
    static final int EXIT_CONFIG = 78;

    private ConfigErrors() {
    }

    static int report(String service, ConfigException e) {
        e.warnings().forEach(w -> System.err.println("warning: " + w));
        System.err.println(service + ": refusing to start, the configuration has " + e.problems().size()
                + (e.problems().size() == 1 ? " problem:" : " problems:"));
        e.problems().forEach(p -> System.err.println("  - " + p));
        System.err.println("Fix them (./bot-core validate-env checks everything) and start again.");
        return EXIT_CONFIG;
    }
}
