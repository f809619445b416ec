package io.botcore.app.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/**
 * Listed for help only: the test suite needs the source tree and Maven, so the {@code ./bot-core}
 * launcher runs it before the jar is involved.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Build everything and run the whole test suite (run from the repository: ./bot-core test).")
public final class TestCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("test: run ./bot-core test from the repository root; the launcher builds with Maven "
                + "and runs every test (the jar alone has no sources to test)");
        return 2;
    }
}
