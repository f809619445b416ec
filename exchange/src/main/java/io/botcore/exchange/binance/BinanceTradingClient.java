package io.botcore.exchange.binance;

import io.botcore.core.execution.Symbol;
import io.botcore.core.execution.SymbolRules;
import io.botcore.exchange.ExchangeUnavailableException;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;

/**
 * Raw client for Binance's signed spot trading REST API: orders, account, trades, exchange filters and the
 * user-data stream's listen key. The spot testnet ({@link #TESTNET}) is the default base URL; the live API must be
 * chosen explicitly.
 *
 * <p><b>Signing.</b> Every {@code SIGNED} call carries {@code recvWindow} and {@code timestamp} (the local clock
 * plus the measured offset to the exchange's clock), is signed by {@link BinanceSigner} and sends the API key in
 * {@code X-MBX-APIKEY}. The offset is measured from {@code GET /api/v3/time} at the first signed call and again
 * whenever Binance answers {@code -1021} (timestamp outside the receive window), after which the call is sent once
 * more; a {@code -1021} request was not executed, so sending it again cannot double anything.
 *
 * <p><b>Failures.</b> As {@link BinanceHttp} sorts them: {@link BinanceApiException} (refused, not executed),
 * {@link io.botcore.exchange.RateLimitedException}, {@link io.botcore.exchange.ExchangeBannedException} and
 * {@link ExchangeUnavailableException} (5xx, timeout or unreachable: a write's outcome is unknown; see
 * {@link BinanceExchange} for how an order in doubt is resolved). Every call takes its weight from the shared
 * {@link RequestWeightBudget}.
 *
 * <p>The API key and secret are never logged. Thread-safe.
 */
public final class BinanceTradingClient {

    /** Binance's spot testnet, the default. */
    public static final URI TESTNET = BinanceRestClient.TESTNET;
    /** Binance's live spot API: real money. */
    public static final URI LIVE = BinanceRestClient.LIVE;
    /** Binance's default receive window. */
    public static final Duration DEFAULT_RECV_WINDOW = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(BinanceTradingClient.class);

    private final BinanceHttp http;
    private final BinanceSigner signer;
    private final String apiKey;
    private final Duration recvWindow;
    private final Clock clock;
    private volatile long offsetMillis;
    private volatile boolean synced;

    /**
     * @param baseUrl     scheme, host and port, without {@code /api}
     * @param credentials API key and secret
     * @param timeout     bound on each whole request
     * @param recvWindow  how long after its timestamp a request stays valid, 1 ms to 60 s
     * @param budget      the process-wide request-weight budget
     * @param clock       the local clock
     */
    public BinanceTradingClient(URI baseUrl, BinanceCredentials credentials, Duration timeout, Duration recvWindow,
            RequestWeightBudget budget, Clock clock) {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(recvWindow, "recvWindow");
        if (recvWindow.toMillis() < 1 || recvWindow.toMillis() > 60_000) {
            throw new IllegalArgumentException("recvWindow must be 1 ms to 60 s (Binance's limit) but is "
                    + recvWindow.toMillis() + " ms");
        }
        this.http = new BinanceHttp(baseUrl, timeout, budget, clock);
        this.signer = new BinanceSigner(credentials.secret());
        this.apiKey = credentials.apiKey();
        this.recvWindow = recvWindow;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public URI baseUrl() {
        return http.baseUrl();
    }

    /**
     * Measures the offset of the exchange's clock to ours from {@code GET /api/v3/time} (weight 1), assuming the
     * answer was made halfway through the round trip.
     *
     * @return the offset, exchange minus local, in ms
     */
    public long syncClock() {
        long sent = clock.millis();
        JsonNode body = http.send("GET", "/api/v3/time", "", 1, Map.of());
        long received = clock.millis();
        JsonNode time = body.get("serverTime");
        if (time == null || !time.canConvertToLong()) {
            throw new ExchangeUnavailableException("unexpected /api/v3/time answer: " + body);
        }
        offsetMillis = time.asLong() - (sent + received) / 2;
        synced = true;
        log.info("Binance clock offset {} ms (round trip {} ms)", offsetMillis, received - sent);
        return offsetMillis;
    }

    /** How long after its timestamp a signed request stays valid. */
    public Duration recvWindow() {
        return recvWindow;
    }

    /** The last measured offset, exchange minus local, in ms; 0 before the first measurement. */
    public long clockOffsetMillis() {
        return offsetMillis;
    }

    /** {@code POST /api/v3/order} (weight 1) with {@code newOrderRespType=FULL}, so fills come with the answer. */
    public BinanceOrder newOrder(NewOrder order) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("symbol", order.symbol());
        params.put("side", order.side());
        params.put("type", order.type());
        if (order.timeInForce() != null) {
            params.put("timeInForce", order.timeInForce());
        }
        params.put("quantity", order.quantity().toPlainString());
        if (order.price() != null) {
            params.put("price", order.price().toPlainString());
        }
        if (order.stopPrice() != null) {
            params.put("stopPrice", order.stopPrice().toPlainString());
        }
        params.put("newClientOrderId", order.newClientOrderId());
        params.put("newOrderRespType", "FULL");
        return order(signed("POST", "/api/v3/order", params, 1));
    }

    /** {@code DELETE /api/v3/order} (weight 1) by our client order id. */
    public BinanceOrder cancelOrder(String symbol, String clientOrderId) {
        BinanceOrder canceled = order(signed("DELETE", "/api/v3/order", Map.of("symbol", symbol,
                "origClientOrderId", clientOrderId), 1));
        return new BinanceOrder(canceled.symbol(), canceled.orderId(), clientOrderId, canceled.side(),
                canceled.type(), canceled.status(), canceled.price(), canceled.stopPrice(), canceled.origQty(),
                canceled.executedQty(), canceled.cummulativeQuoteQty(), canceled.updateTime(), canceled.fills());
    }

    /**
     * {@code GET /api/v3/order} (weight 4) by our client order id.
     *
     * @throws BinanceApiException with {@link BinanceApiException#NO_SUCH_ORDER} when the exchange has no such order
     */
    public BinanceOrder queryOrder(String symbol, String clientOrderId) {
        return order(signed("GET", "/api/v3/order", Map.of("symbol", symbol, "origClientOrderId", clientOrderId), 4));
    }

    /** {@code GET /api/v3/openOrders} (weight 6) of one symbol. */
    public List<BinanceOrder> openOrders(String symbol) {
        List<BinanceOrder> orders = new ArrayList<>();
        for (JsonNode node : signed("GET", "/api/v3/openOrders", Map.of("symbol", symbol), 6)) {
            orders.add(order(node));
        }
        return orders;
    }

    /** {@code GET /api/v3/account} (weight 20): the balances, including zero ones the exchange lists. */
    public List<BinanceBalance> account() {
        List<BinanceBalance> balances = new ArrayList<>();
        for (JsonNode node : signed("GET", "/api/v3/account", Map.of(), 20).path("balances")) {
            balances.add(new BinanceBalance(node.path("asset").asString(), decimal(node, "free"),
                    decimal(node, "locked")));
        }
        return balances;
    }

    /** {@code GET /api/v3/myTrades} (weight 20): our trades of one order. */
    public List<BinanceTrade> myTrades(String symbol, long orderId) {
        List<BinanceTrade> trades = new ArrayList<>();
        for (JsonNode node : signed("GET", "/api/v3/myTrades", Map.of("symbol", symbol, "orderId",
                String.valueOf(orderId)), 20)) {
            trades.add(new BinanceTrade(node.path("symbol").asString(), node.path("id").asLong(),
                    node.path("orderId").asLong(), decimal(node, "price"), decimal(node, "qty"),
                    decimal(node, "commission"), node.path("commissionAsset").asString(), node.path("time").asLong(),
                    node.path("isBuyer").asBoolean(), node.path("isMaker").asBoolean()));
        }
        return trades;
    }

    /**
     * {@code GET /api/v3/exchangeInfo} (weight 20) for {@code symbols}: each one's assets, status and filters.
     *
     * @throws ExchangeUnavailableException if a symbol lacks one of the filters the core's rules need
     */
    public Map<Symbol, BinanceSymbol> exchangeInfo(Collection<Symbol> symbols) {
        StringBuilder list = new StringBuilder("[");
        for (Symbol symbol : symbols) {
            list.append(list.length() > 1 ? "," : "").append('"').append(symbol.value()).append('"');
        }
        JsonNode body = http.send("GET", "/api/v3/exchangeInfo", "symbols="
                + URLEncoder.encode(list.append(']').toString(), StandardCharsets.UTF_8), 20, Map.of());
        Map<Symbol, BinanceSymbol> result = new LinkedHashMap<>();
        for (JsonNode node : body.path("symbols")) {
            BinanceSymbol symbol = symbol(node);
            result.put(symbol.rules().symbol(), symbol);
        }
        return result;
    }

    /** {@code POST /api/v3/userDataStream} (weight 2): a listen key, valid 60 minutes unless kept alive. */
    public String createListenKey() {
        JsonNode body = http.send("POST", "/api/v3/userDataStream", "", 2, Map.of("X-MBX-APIKEY", apiKey));
        String key = body.path("listenKey").asString("");
        if (key.isEmpty()) {
            throw new ExchangeUnavailableException("POST /api/v3/userDataStream answered without a listenKey");
        }
        return key;
    }

    /** {@code PUT /api/v3/userDataStream} (weight 2): another 60 minutes for {@code listenKey}. */
    public void keepAliveListenKey(String listenKey) {
        http.send("PUT", "/api/v3/userDataStream", "listenKey=" + encode(listenKey), 2, Map.of("X-MBX-APIKEY",
                apiKey));
    }

    /** {@code DELETE /api/v3/userDataStream} (weight 2): closes the stream of {@code listenKey}. */
    public void closeListenKey(String listenKey) {
        http.send("DELETE", "/api/v3/userDataStream", "listenKey=" + encode(listenKey), 2, Map.of("X-MBX-APIKEY",
                apiKey));
    }

    private JsonNode signed(String method, String path, Map<String, String> params, int weight) {
        if (!synced) {
            syncClock();
        }
        try {
            return http.send(method, path, signedQuery(params), weight, Map.of("X-MBX-APIKEY", apiKey));
        } catch (BinanceApiException e) {
            if (e.code() != BinanceApiException.TIMESTAMP_OUTSIDE_RECV_WINDOW) {
                throw e;
            }
            log.warn("Binance refused {} {} for its timestamp ({}); measuring the clock offset again", method, path,
                    e.msg());
            syncClock();
            return http.send(method, path, signedQuery(params), weight, Map.of("X-MBX-APIKEY", apiKey));
        }
    }

    private String signedQuery(Map<String, String> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.length() == 0 ? "" : "&").append(k).append('=').append(encode(v)));
        query.append(query.length() == 0 ? "" : "&").append("recvWindow=").append(recvWindow.toMillis())
                .append("&timestamp=").append(clock.millis() + offsetMillis);
        String signature = signer.sign(query.toString());
        return query.append("&signature=").append(signature).toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static BinanceOrder order(JsonNode node) {
        List<BinanceOrder.Fill> fills = new ArrayList<>();
        for (JsonNode fill : node.path("fills")) {
            fills.add(new BinanceOrder.Fill(fill.path("tradeId").asLong(), decimal(fill, "price"), decimal(fill, "qty"),
                    decimal(fill, "commission"), fill.path("commissionAsset").asString()));
        }
        long updated = node.has("transactTime") ? node.get("transactTime").asLong()
                : node.path("updateTime").asLong(node.path("time").asLong());
        return new BinanceOrder(node.path("symbol").asString(), node.path("orderId").asLong(),
                node.path("clientOrderId").asString(), node.path("side").asString(), node.path("type").asString(),
                node.path("status").asString(), decimal(node, "price"), decimal(node, "stopPrice"),
                decimal(node, "origQty"), decimal(node, "executedQty"), decimal(node, "cummulativeQuoteQty"), updated,
                fills);
    }

    private static BinanceSymbol symbol(JsonNode node) {
        String name = node.path("symbol").asString();
        BigDecimal tick = null;
        BigDecimal step = null;
        BigDecimal minQty = null;
        BigDecimal minNotional = null;
        for (JsonNode filter : node.path("filters")) {
            switch (filter.path("filterType").asString()) {
                case "PRICE_FILTER" -> tick = decimal(filter, "tickSize");
                case "LOT_SIZE" -> {
                    step = decimal(filter, "stepSize");
                    minQty = decimal(filter, "minQty");
                }
                case "NOTIONAL", "MIN_NOTIONAL" -> minNotional = decimal(filter, "minNotional");
                default -> {
                    // other filters (ICEBERG_PARTS, MAX_NUM_ORDERS, ...) are enforced by the exchange alone
                }
            }
        }
        if (tick == null || tick.signum() <= 0 || step == null || step.signum() <= 0 || minNotional == null) {
            throw new ExchangeUnavailableException("exchangeInfo of " + name + " lacks a PRICE_FILTER tickSize, a "
                    + "LOT_SIZE stepSize or a NOTIONAL minNotional: " + node.path("filters"));
        }
        return new BinanceSymbol(name, node.path("status").asString(), node.path("baseAsset").asString(),
                node.path("quoteAsset").asString(), new SymbolRules(Symbol.of(name), tick.stripTrailingZeros(),
                        step.stripTrailingZeros(), minQty.stripTrailingZeros(), minNotional.stripTrailingZeros()));
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? BigDecimal.ZERO : new BigDecimal(value.asString());
    }
}
