package io.botcore.app.backup;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Adobe's S3Mock (an S3-compatible server, Maven Central {@code com.adobe.testing:s3mock:exec}) run as a child
 * process on a free port: it brings its own Spring Boot, so it cannot share the test's class path. Maven
 * copies the jar to {@code target/s3mock/s3mock.jar}.
 */
final class S3MockServer implements AutoCloseable {

    private final Process process;
    private final int port;

    S3MockServer(Path root, String bucket) throws IOException, InterruptedException {
        Path jar = Path.of("target/s3mock/s3mock.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the tests through Maven (generate-test-resources copies it)");
        }
        port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-jar", jar.toString(),
                "--com.adobe.testing.s3mock.httpPort=" + port, "--server.port=" + freePort(),
                "--com.adobe.testing.s3mock.store.initialBuckets=" + bucket,
                "--com.adobe.testing.s3mock.store.root=" + root, "--spring.main.banner-mode=off")
                .redirectErrorStream(true).redirectOutput(root.resolveSibling("s3mock.out").toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (!accepts(port)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new IllegalStateException("S3Mock did not start; see " + root.resolveSibling("s3mock.out"));
            }
            Thread.sleep(200);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
