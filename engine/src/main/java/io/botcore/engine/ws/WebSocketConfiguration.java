package io.botcore.engine.ws;

import io.botcore.engine.auth.TokenVerifier;

import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * Registers {@code /ws}. Any origin may connect: the access token, not a cookie, authenticates a client, so a
 * foreign page cannot borrow a user's session.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfiguration implements WebSocketConfigurer {

    private final WebSocketEventHub hub;

    WebSocketConfiguration(TokenVerifier tokens, Clock clock, MeterRegistry registry) {
        this.hub = new WebSocketEventHub(tokens, clock, registry);
    }

    @Bean
    WebSocketEventHub eventHub() {
        return hub;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(hub, "/ws").addInterceptors(hub).setAllowedOriginPatterns("*");
    }

    @Scheduled(fixedDelay = 5_000)
    void closeExpired() {
        hub.closeExpired();
    }
}
