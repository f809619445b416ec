package io.botcore.app.cli;

import io.botcore.app.BotCore;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs one bot-core command in this JVM with a given home folder and captures what it prints. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(Path home, String... args) {
        return runWithInput(home, "", args);
    }

    static synchronized CliRun runWithInput(Path home, String stdin, String... args) {
        java.io.InputStream oldIn = System.in;
        System.setIn(new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String oldHome = System.getProperty("botcore.home");
        System.setProperty("botcore.home", home.toString());
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = BotCore.commandLine().execute(args);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
            System.setErr(oldErr);
            if (oldHome == null) {
                System.clearProperty("botcore.home");
            } else {
                System.setProperty("botcore.home", oldHome);
            }
        }
    }
}
