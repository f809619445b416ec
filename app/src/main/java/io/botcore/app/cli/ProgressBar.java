package io.botcore.app.cli;

import java.io.PrintStream;

/**
 * One line of progress on stderr: {@code [##########..........]  50%  12,000 candles  3.1 s}. On a terminal
 * it redraws in place; in a log (no terminal) it prints a line every 10 %.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private int lastDecile = -1;

    ProgressBar(PrintStream out, String label) {
        this.out = out;
        this.label = label;
        this.terminal = System.console() != null;
    }

    /** @param fraction 0..1 done; {@code detail} follows the percentage */
    void update(double fraction, String detail) {
        double f = Math.max(0, Math.min(1, fraction));
        int filled = (int) Math.round(f * WIDTH);
        String line = String.format("%s [%s%s] %3d%%  %s  %.1f s", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
                (int) Math.round(f * 100), detail, (System.nanoTime() - started) / 1e9);
        if (terminal) {
            out.print("\r" + line);
            out.flush();
        } else if ((int) (f * 10) != lastDecile) {
            lastDecile = (int) (f * 10);
            out.println(line);
        }
    }

    void done() {
        if (terminal) {
            out.println();
        }
    }
}
