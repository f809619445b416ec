package io.botcore.app;

/**
 * Lets a service started by {@code bot-core demo} end with its parent: when the environment variable
 * {@code BOTCORE_PARENT_PID} names a process, this process exits (running its shutdown hooks) as soon
 * as that process is gone, so a killed demo leaves no orphan behind.
 */
final class ParentWatch {

    static final String ENV = "BOTCORE_PARENT_PID";

    private ParentWatch() {
    }

    static void exitWhenParentDies() {
        String pid = System.getenv(ENV);
        if (pid == null || pid.isBlank()) {
            return;
        }
        ProcessHandle.of(Long.parseLong(pid.trim())).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> System.exit(0)),
                () -> System.exit(0));
    }
}
