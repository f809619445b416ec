package io.botcore.app.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** Listed for help only: the benchmarks are their own jar, built and run by the {@code ./bot-core} launcher. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run the JMH benchmarks against a reference library on real data and print the table "
                + "(run from the repository: ./bot-core bench [--quick] [REGEX]).")
public final class BenchCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("bench: run ./bot-core bench from the repository root; the launcher builds and runs "
                + "bench/target/benchmarks.jar");
        return 2;
    }
}
