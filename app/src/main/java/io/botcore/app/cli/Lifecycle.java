package io.botcore.app.cli;

import java.util.concurrent.CountDownLatch;

/** Runs a started service until the process is asked to stop (Ctrl-C, SIGTERM, parent gone). */
final class Lifecycle {

    private Lifecycle() {
    }

    /** Blocks until shutdown; the service is closed by a shutdown hook, once. */
    static int serveUntilStopped(AutoCloseable service) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.close();
            } catch (Exception e) {
                System.err.println("error while stopping: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "bot-core-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
