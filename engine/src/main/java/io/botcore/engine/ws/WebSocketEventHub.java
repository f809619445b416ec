package io.botcore.engine.ws;

import io.botcore.engine.auth.AuthenticatedUser;
import io.botcore.engine.auth.TokenVerifier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws}: authenticated at the handshake (access token as query parameter {@code token} or Authorization
 * header; without a valid one the upgrade is refused with 401), closed with code 4001 when the token expires.
 * Each client receives market data and the events of its own bots only. A client sending {@code {"type":"Ping",
 * "timestamp":...}} gets {@code {"type":"Pong","timestamp":...}}. Slow clients are cut off rather than slowing
 * the others (5 s send limit, 1 MiB buffer).
 *
 * <p>Thread-safe.
 */
public final class WebSocketEventHub extends TextWebSocketHandler implements EventHub, HandshakeInterceptor {

    /** Close code for an expired token. */
    public static final CloseStatus TOKEN_EXPIRED = new CloseStatus(4001, "token expired");

    private static final Logger log = LoggerFactory.getLogger(WebSocketEventHub.class);
    private static final String USER = "user";
    private static final String EXPIRES = "expires";

    private final TokenVerifier tokens;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Counter sent;
    private final Counter dropped;

    public WebSocketEventHub(TokenVerifier tokens, Clock clock, MeterRegistry registry) {
        this.tokens = tokens;
        this.clock = clock;
        Gauge.builder("bot_core.websocket.clients", clients, Map::size).description("connected WebSocket clients")
                .register(registry);
        this.sent = Counter.builder("bot_core.websocket.messages.sent").description("messages sent to clients")
                .register(registry);
        this.dropped = Counter.builder("bot_core.websocket.clients.dropped")
                .description("clients closed for being too slow or failing").register(registry);
    }

    private record Client(WebSocketSession session, AuthenticatedUser user, Instant expiresAt) {
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> attributes) {
        String token = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("token");
        String header = request.getHeaders().getFirst("Authorization");
        if (token == null && header != null && header.startsWith("Bearer ")) {
            token = header.substring("Bearer ".length());
        }
        var verified = tokens.verify(token);
        if (verified.isEmpty()) {
            response.setStatusCode(HttpStatus.UNAUTHORIZED);
            return false;
        }
        attributes.put(USER, verified.get().user());
        attributes.put(EXPIRES, verified.get().expiresAt());
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Exception exception) {
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        AuthenticatedUser user = (AuthenticatedUser) session.getAttributes().get(USER);
        Instant expires = (Instant) session.getAttributes().get(EXPIRES);
        Client client = new Client(new ConcurrentWebSocketSessionDecorator(session, 5_000, 1 << 20), user, expires);
        send(client, message("Connected", Map.of("user_id", user.id(), "email", user.email(),
                "token_expires_at", expires.toString())));
        clients.put(session.getId(), client);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        Client client = clients.get(session.getId());
        if (client == null) {
            return;
        }
        JsonNode node;
        try {
            node = json.readTree(message.getPayload());
        } catch (RuntimeException e) {
            send(client, message("Error", Map.of("message", "messages must be JSON objects with a type")));
            return;
        }
        if ("Ping".equals(node.path("type").asString(""))) {
            Map<String, Object> pong = new LinkedHashMap<>();
            pong.put("type", "Pong");
            pong.put("timestamp", node.path("timestamp").isNumber() ? node.path("timestamp").asLong()
                    : clock.millis());
            send(client, json.writeValueAsString(pong));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        clients.remove(session.getId());
    }

    /**
     * Serialises the event once and sends it to each client in turn on the caller's thread (the feed, a bot): a
     * slow client is cut off by its send limit, and the feed is held back rather than queueing without bound.
     * Measured against one sender thread per shard of clients, this was faster on two cores (docs/performance.md).
     */
    @Override
    public void publish(String userId, String type, Object data) {
        if (clients.isEmpty()) {
            return;
        }
        TextMessage text = new TextMessage(message(type, data));
        for (Client client : clients.values()) {
            if (userId == null || userId.equals(client.user().id())) {
                send(client, text);
            }
        }
    }

    /** Closes the connections whose token has expired (called every few seconds). */
    public void closeExpired() {
        Instant now = clock.instant();
        for (Client client : clients.values()) {
            if (!client.expiresAt().isAfter(now)) {
                close(client, TOKEN_EXPIRED);
            }
        }
    }

    private String message(String type, Object data) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", type);
        out.put("data", data);
        out.put("timestamp", clock.instant().toString());
        return json.writeValueAsString(out);
    }

    private void send(Client client, String text) {
        send(client, new TextMessage(text));
    }

    private void send(Client client, TextMessage text) {
        try {
            client.session().sendMessage(text);
            sent.increment();
        } catch (IOException | RuntimeException e) {
            log.info("websocket client {} of {} dropped: {}", client.session().getId(), client.user().email(),
                    e.toString());
            dropped.increment();
            close(client, CloseStatus.SESSION_NOT_RELIABLE);
        }
    }

    private void close(Client client, CloseStatus status) {
        clients.remove(client.session().getId());
        try {
            client.session().close(status);
        } catch (IOException | RuntimeException e) {
            log.debug("closing websocket client {}: {}", client.session().getId(), e.toString());
        }
    }

    /** Connected clients. */
    public int clientCount() {
        return clients.size();
    }
}
