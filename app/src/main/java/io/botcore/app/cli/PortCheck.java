package io.botcore.app.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Fails early, naming the port and its user, when a port Bot Core needs is already taken. */
final class PortCheck {

    /** Exit code when a port is taken. */
    static final int EXIT_PORT_IN_USE = 3;

    private PortCheck() {
    }

    static boolean isFree(String host, int port) {
        if (port == 0) {
            return true;
        }
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(host))) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True when something accepts connections on the port (never binds it, so it cannot race a server). */
    static boolean accepts(String host, int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** @throws CliFailure with exit code {@value #EXIT_PORT_IN_USE} when the port cannot be bound */
    static void requireFree(String what, String host, int port) {
        if (!isFree(host, port)) {
            throw new CliFailure(EXIT_PORT_IN_USE, "port " + port + " on " + host + " (needed by the " + what
                    + ") is already in use: stop whatever listens there (ss -ltnp 'sport = :" + port
                    + "') or choose another port");
        }
    }
}
