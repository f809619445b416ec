package io.botcore.engine.ws;

/**
 * Where the engine announces what happens (prices, signals, orders, fills, trades, portfolio and bot state) to
 * connected WebSocket clients. Messages are {@code {"type", "data", "timestamp"}}.
 */
public interface EventHub {

    /**
     * Sends an event.
     *
     * @param userId the only user who may see it, or {@code null} for every connected user (market data)
     * @param type   message type, for example {@code "TradeExecuted"}
     * @param data   payload, serialised as JSON
     */
    void publish(String userId, String type, Object data);
}
