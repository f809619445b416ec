package io.botcore.exchange.fake;

import io.botcore.exchange.binance.BinanceSigner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A spot account on the fake Binance: what {@code /api/v3/order}, {@code /openOrders}, {@code /account},
 * {@code /myTrades}, {@code /exchangeInfo} and {@code /userDataStream} answer, by Binance's documented rules.
 *
 * <ul>
 *   <li><b>Authentication.</b> The API key must be the account's ({@code -2015} otherwise), the signature the
 *       HMAC-SHA256 of the query before {@code &signature=} ({@code -1022}), and the timestamp, checked when the
 *       request is processed (after any injected delay), no more than 1 s ahead of the server's clock and no more
 *       than {@code recvWindow} behind it ({@code -1021}).</li>
 *   <li><b>Orders.</b> Filters from {@code exchange_info_symbols.json} ({@code -1013 Filter failure: LOT_SIZE},
 *       {@code PRICE_FILTER}, {@code NOTIONAL}); funds ({@code -2010 Account has insufficient balance for
 *       requested action.}); an open order with the same client order id ({@code -2010 Duplicate order sent.}).
 *       A market order, or a limit order that crosses the last price, fills at once at the last price set with
 *       {@link #price} (the close of a recorded candle); other limit and {@code STOP_LOSS} orders rest until
 *       {@link #trade} crosses them, filling at most the traded quantity: partial fills.</li>
 *   <li><b>Commission</b> at {@link #commissionRate}, taken from the asset received, as Binance does without BNB
 *       discounts.</li>
 *   <li><b>User data.</b> Every order change is pushed as an {@code executionReport} to the account's
 *       user-data connections.</li>
 * </ul>
 *
 * <p>Thread-safe: one lock guards the account.
 */
public final class FakeSpot {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> SIGNED = Set.of("/api/v3/order", "/api/v3/openOrders", "/api/v3/account",
            "/api/v3/myTrades");

    private final Clock clock;
    private final FakeStreams streams;
    private final Set<String> listenKeys;
    private final Map<String, JsonNode> symbols = new LinkedHashMap<>();
    private final Map<String, BigDecimal[]> balances = new HashMap<>();
    private final Map<String, BigDecimal> lastPrices = new HashMap<>();
    private final List<SpotOrder> orders = new ArrayList<>();
    private final List<ObjectNode> trades = new ArrayList<>();
    private String apiKey;
    private BinanceSigner signer;
    private BigDecimal commissionRate = BigDecimal.ZERO;
    private long nextOrderId = 1;
    private long nextTradeId = 1;
    private boolean userDataLost;

    /** One order and its fills so far. */
    private static final class SpotOrder {
        final String symbol;
        final long orderId;
        final String clientOrderId;
        final String side;
        final String type;
        final BigDecimal price;
        final BigDecimal stopPrice;
        final BigDecimal origQty;
        final long time;
        BigDecimal executedQty = BigDecimal.ZERO;
        BigDecimal quoteQty = BigDecimal.ZERO;
        String status = "NEW";
        long updateTime;

        SpotOrder(String symbol, long orderId, String clientOrderId, String side, String type, BigDecimal price,
                BigDecimal stopPrice, BigDecimal origQty, long time) {
            this.symbol = symbol;
            this.orderId = orderId;
            this.clientOrderId = clientOrderId;
            this.side = side;
            this.type = type;
            this.price = price;
            this.stopPrice = stopPrice;
            this.origQty = origQty;
            this.time = time;
            this.updateTime = time;
        }

        boolean isOpen() {
            return status.equals("NEW") || status.equals("PARTIALLY_FILLED");
        }

        BigDecimal remaining() {
            return origQty.subtract(executedQty);
        }
    }

    /** An answer: HTTP status and JSON body. */
    record Answer(int status, String body) {
    }

    FakeSpot(Clock clock, FakeStreams streams, Set<String> listenKeys) {
        this.clock = clock;
        this.streams = streams;
        this.listenKeys = listenKeys;
        try (InputStream in = FakeSpot.class.getResourceAsStream("exchange_info_symbols.json")) {
            for (JsonNode symbol : JSON.readTree(in).path("symbols")) {
                symbols.put(symbol.path("symbol").asString(), symbol);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read exchange_info_symbols.json", e);
        }
    }

    /** The account's API key and secret; requests signed otherwise are refused. */
    public synchronized FakeSpot credentials(String apiKey, String secret) {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.signer = new BinanceSigner(secret);
        return this;
    }

    /** Adds {@code amount} of {@code asset} to the free balance. */
    public synchronized FakeSpot deposit(String asset, String amount) {
        BigDecimal[] balance = balance(asset);
        balance[0] = balance[0].add(new BigDecimal(amount));
        return this;
    }

    /** Takes {@code amount} of {@code asset} out of the free balance, as a withdrawal made elsewhere would. */
    public synchronized FakeSpot withdraw(String asset, String amount) {
        BigDecimal[] balance = balance(asset);
        balance[0] = balance[0].subtract(new BigDecimal(amount));
        return this;
    }

    /** The last traded price of {@code symbol}: where market orders fill. */
    public synchronized FakeSpot price(String symbol, BigDecimal price) {
        lastPrices.put(knownSymbol(symbol).path("symbol").asString(), price);
        return this;
    }

    /** Commission as a fraction of what each fill gives, e.g. {@code 0.001}; zero by default. */
    public synchronized FakeSpot commissionRate(String rate) {
        this.commissionRate = new BigDecimal(rate);
        return this;
    }

    /**
     * While {@code lost}, {@code executionReport}s are not sent (they are lost, as on a connection that dies
     * unnoticed); REST answers stay true.
     */
    public synchronized FakeSpot loseUserData(boolean lost) {
        this.userDataLost = lost;
        return this;
    }

    /** Free balance of {@code asset}. */
    public synchronized BigDecimal free(String asset) {
        return balance(asset)[0];
    }

    /** Balance of {@code asset} held by open orders. */
    public synchronized BigDecimal locked(String asset) {
        return balance(asset)[1];
    }

    /** Orders accepted so far, open or not: what a test counts to prove nothing was placed twice. */
    public synchronized int acceptedOrders() {
        return orders.size();
    }

    /**
     * A trade of {@code quantity} at {@code price} in the market: sets the last price, triggers the stops it
     * reaches, and fills resting orders it crosses in the order they were placed, at most {@code quantity} in all
     * (limit orders at their limit, as makers; triggered stops at {@code price}).
     */
    public synchronized void trade(String symbol, BigDecimal price, BigDecimal quantity) {
        lastPrices.put(symbol, price);
        BigDecimal left = quantity;
        for (SpotOrder order : orders) {
            if (left.signum() <= 0) {
                break;
            }
            if (!order.isOpen() || !order.symbol.equals(symbol)) {
                continue;
            }
            boolean buy = order.side.equals("BUY");
            BigDecimal at;
            boolean maker;
            if (order.type.equals("LIMIT") && (buy ? price.compareTo(order.price) <= 0
                    : price.compareTo(order.price) >= 0)) {
                at = order.price;
                maker = true;
            } else if (order.type.equals("STOP_LOSS") && (buy ? price.compareTo(order.stopPrice) >= 0
                    : price.compareTo(order.stopPrice) <= 0)) {
                at = price;
                maker = false;
            } else {
                continue;
            }
            BigDecimal qty = order.remaining().min(left);
            left = left.subtract(qty);
            fill(order, at, qty, maker, true);
        }
    }

    Answer handle(String method, String path, String rawQuery, String apiKeyHeader) {
        Map<String, String> query = parse(rawQuery);
        synchronized (this) {
            if (path.equals("/api/v3/exchangeInfo")) {
                return exchangeInfo(query);
            }
            if (path.equals("/api/v3/userDataStream")) {
                return userDataStream(method, query, apiKeyHeader);
            }
            if (!SIGNED.contains(path)) {
                return null;
            }
            Answer refused = authenticate(rawQuery, query, apiKeyHeader);
            if (refused != null) {
                return refused;
            }
            return switch (method + " " + path) {
                case "POST /api/v3/order" -> newOrder(query);
                case "DELETE /api/v3/order" -> cancel(query);
                case "GET /api/v3/order" -> query(query);
                case "GET /api/v3/openOrders" -> openOrders(query);
                case "GET /api/v3/account" -> account();
                case "GET /api/v3/myTrades" -> myTrades(query);
                default -> error(400, -1000, "An unknown error occurred while processing the request.");
            };
        }
    }

    private Answer authenticate(String rawQuery, Map<String, String> query, String apiKeyHeader) {
        if (apiKey == null || !apiKey.equals(apiKeyHeader)) {
            return error(401, -2015, "Invalid API-key, IP, or permissions for action.");
        }
        int at = rawQuery == null ? -1 : rawQuery.lastIndexOf("&signature=");
        if (at < 0 || !signer.verify(rawQuery.substring(0, at), query.get("signature"))) {
            return error(400, -1022, "Signature for this request is not valid.");
        }
        long timestamp;
        long recvWindow;
        try {
            timestamp = Long.parseLong(query.getOrDefault("timestamp", ""));
            recvWindow = Long.parseLong(query.getOrDefault("recvWindow", "5000"));
        } catch (NumberFormatException e) {
            return error(400, -1102, "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.");
        }
        long now = clock.millis();
        if (timestamp >= now + 1000) {
            return error(400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.");
        }
        if (now - timestamp > recvWindow) {
            return error(400, -1021, "Timestamp for this request is outside of the recvWindow.");
        }
        return null;
    }

    private Answer userDataStream(String method, Map<String, String> query, String apiKeyHeader) {
        if (apiKey == null || !apiKey.equals(apiKeyHeader)) {
            return error(401, -2015, "Invalid API-key, IP, or permissions for action.");
        }
        if (method.equals("POST")) {
            String key = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
            listenKeys.add(key);
            return ok(NODES.objectNode().put("listenKey", key));
        }
        String key = query.get("listenKey");
        if (key == null || !listenKeys.contains(key)) {
            return error(400, -1125, "This listenKey does not exist.");
        }
        if (method.equals("DELETE")) {
            listenKeys.remove(key);
            streams.closeUserData(key);
        }
        return ok(NODES.objectNode());
    }

    private Answer exchangeInfo(Map<String, String> query) {
        ObjectNode body = NODES.objectNode().put("timezone", "UTC").put("serverTime", clock.millis());
        ArrayNode list = body.putArray("symbols");
        String asked = query.get("symbols");
        if (asked == null) {
            symbols.values().forEach(list::add);
            return ok(body);
        }
        for (JsonNode name : JSON.readTree(asked)) {
            JsonNode symbol = symbols.get(name.asString());
            if (symbol == null) {
                return error(400, -1121, "Invalid symbol.");
            }
            list.add(symbol);
        }
        return ok(body);
    }

    private Answer newOrder(Map<String, String> q) {
        JsonNode symbol = symbols.get(q.get("symbol"));
        if (symbol == null) {
            return error(400, -1121, "Invalid symbol.");
        }
        String side = q.get("side");
        String type = q.get("type");
        if (!"BUY".equals(side) && !"SELL".equals(side)) {
            return error(400, -1102, "Mandatory parameter 'side' was not sent, was empty/null, or malformed.");
        }
        if (!Set.of("MARKET", "LIMIT", "STOP_LOSS").contains(type)) {
            return error(400, -1116, "Invalid orderType.");
        }
        BigDecimal quantity = new BigDecimal(q.getOrDefault("quantity", "0"));
        BigDecimal price = q.containsKey("price") ? new BigDecimal(q.get("price")) : null;
        BigDecimal stopPrice = q.containsKey("stopPrice") ? new BigDecimal(q.get("stopPrice")) : null;
        if (type.equals("LIMIT") && (price == null || !"GTC".equals(q.get("timeInForce")))) {
            return error(400, -1102, "Mandatory parameter 'price' or 'timeInForce' was not sent, was empty/null, "
                    + "or malformed.");
        }
        if (type.equals("STOP_LOSS") && stopPrice == null) {
            return error(400, -1102, "Mandatory parameter 'stopPrice' was not sent, was empty/null, or malformed.");
        }
        String name = symbol.path("symbol").asString();
        BigDecimal last = lastPrices.get(name);
        BigDecimal reference = price != null ? price : stopPrice != null ? stopPrice : last;
        String failed = filterFailure(symbol, quantity, price != null ? price : stopPrice, reference);
        if (failed != null) {
            return error(400, -1013, "Filter failure: " + failed);
        }
        String clientOrderId = q.getOrDefault("newClientOrderId", "web_" + UUID.randomUUID().toString()
                .replace("-", ""));
        for (SpotOrder order : orders) {
            if (order.isOpen() && order.clientOrderId.equals(clientOrderId)) {
                return error(400, -2010, "Duplicate order sent.");
            }
        }
        boolean buy = side.equals("BUY");
        boolean immediate = type.equals("MARKET") || (type.equals("LIMIT") && last != null
                && (buy ? price.compareTo(last) >= 0 : price.compareTo(last) <= 0));
        if (immediate && last == null) {
            return error(400, -1013, "Filter failure: NOTIONAL");
        }
        String payAsset = buy ? symbol.path("quoteAsset").asString() : symbol.path("baseAsset").asString();
        BigDecimal cost = buy ? quantity.multiply(immediate ? last : reference) : quantity;
        if (balance(payAsset)[0].compareTo(cost) < 0) {
            return error(400, -2010, "Account has insufficient balance for requested action.");
        }
        long now = clock.millis();
        SpotOrder order = new SpotOrder(name, nextOrderId++, clientOrderId, side, type, price, stopPrice, quantity,
                now);
        orders.add(order);
        move(payAsset, cost, true);
        List<ObjectNode> fills = new ArrayList<>();
        report(order, "NEW", null);
        if (immediate) {
            fills.add(fill(order, last, quantity, false, false));
        }
        ObjectNode body = orderJson(order).put("transactTime", now).put("workingTime", now)
                .put("selfTradePreventionMode", "EXPIRE_MAKER");
        ArrayNode fillList = body.putArray("fills");
        for (ObjectNode fill : fills) {
            fillList.add(NODES.objectNode().put("price", fill.get("price").asString())
                    .put("qty", fill.get("qty").asString()).put("commission", fill.get("commission").asString())
                    .put("commissionAsset", fill.get("commissionAsset").asString())
                    .put("tradeId", fill.get("id").asLong()));
        }
        return ok(body);
    }

    /** The first filter {@code quantity} at {@code price} fails, or {@code null}. */
    private static String filterFailure(JsonNode symbol, BigDecimal quantity, BigDecimal price, BigDecimal reference) {
        for (JsonNode filter : symbol.path("filters")) {
            switch (filter.path("filterType").asString()) {
                case "PRICE_FILTER" -> {
                    if (price != null && (price.compareTo(dec(filter, "minPrice")) < 0
                            || price.remainder(dec(filter, "tickSize")).signum() != 0)) {
                        return "PRICE_FILTER";
                    }
                }
                case "LOT_SIZE" -> {
                    if (quantity.compareTo(dec(filter, "minQty")) < 0 || quantity.compareTo(dec(filter, "maxQty")) > 0
                            || quantity.remainder(dec(filter, "stepSize")).signum() != 0) {
                        return "LOT_SIZE";
                    }
                }
                case "NOTIONAL" -> {
                    if (reference != null && reference.multiply(quantity).compareTo(dec(filter, "minNotional")) < 0) {
                        return "NOTIONAL";
                    }
                }
                default -> {
                    // the others are not simulated
                }
            }
        }
        return null;
    }

    private Answer cancel(Map<String, String> q) {
        SpotOrder order = find(q.get("symbol"), q.get("origClientOrderId"));
        if (order == null || !order.isOpen()) {
            return error(400, -2011, "Unknown order sent.");
        }
        order.status = "CANCELED";
        order.updateTime = clock.millis();
        boolean buy = order.side.equals("BUY");
        JsonNode symbol = symbols.get(order.symbol);
        String payAsset = buy ? symbol.path("quoteAsset").asString() : symbol.path("baseAsset").asString();
        move(payAsset, buy ? order.remaining().multiply(order.price != null ? order.price : order.stopPrice)
                : order.remaining(), false);
        String cancelId = q.getOrDefault("newClientOrderId", "cancel" + order.orderId);
        report(order, "CANCELED", cancelId);
        return ok(orderJson(order).put("origClientOrderId", order.clientOrderId).put("clientOrderId", cancelId)
                .put("transactTime", order.updateTime));
    }

    private Answer query(Map<String, String> q) {
        SpotOrder order = find(q.get("symbol"), q.get("origClientOrderId"));
        if (order == null) {
            return error(400, -2013, "Order does not exist.");
        }
        return ok(orderJson(order));
    }

    private Answer openOrders(Map<String, String> q) {
        ArrayNode list = NODES.arrayNode();
        for (SpotOrder order : orders) {
            if (order.isOpen() && (q.get("symbol") == null || order.symbol.equals(q.get("symbol")))) {
                list.add(orderJson(order));
            }
        }
        return ok(list);
    }

    private Answer account() {
        ObjectNode body = NODES.objectNode().put("makerCommission", 10).put("takerCommission", 10)
                .put("canTrade", true).put("canWithdraw", true).put("canDeposit", true)
                .put("updateTime", clock.millis()).put("accountType", "SPOT");
        ArrayNode list = body.putArray("balances");
        balances.forEach((asset, b) -> list.add(NODES.objectNode().put("asset", asset)
                .put("free", amount(b[0])).put("locked", amount(b[1]))));
        body.putArray("permissions").add("SPOT");
        return ok(body);
    }

    private Answer myTrades(Map<String, String> q) {
        ArrayNode list = NODES.arrayNode();
        for (ObjectNode trade : trades) {
            if (trade.get("symbol").asString().equals(q.get("symbol"))
                    && (!q.containsKey("orderId") || trade.get("orderId").asString().equals(q.get("orderId")))) {
                list.add(trade);
            }
        }
        return ok(list);
    }

    /** Executes {@code quantity} of {@code order} at {@code price}; books it and reports it. */
    private ObjectNode fill(SpotOrder order, BigDecimal price, BigDecimal quantity, boolean maker, boolean resting) {
        JsonNode symbol = symbols.get(order.symbol);
        String base = symbol.path("baseAsset").asString();
        String quote = symbol.path("quoteAsset").asString();
        boolean buy = order.side.equals("BUY");
        BigDecimal notional = price.multiply(quantity);
        BigDecimal received = buy ? quantity : notional;
        BigDecimal commission = received.multiply(commissionRate).setScale(8, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        String receivedAsset = buy ? base : quote;
        if (buy) {
            BigDecimal reserved = resting ? quantity.multiply(order.price != null && order.type.equals("LIMIT")
                    ? order.price : order.stopPrice) : notional;
            balance(quote)[1] = balance(quote)[1].subtract(reserved);
            balance(quote)[0] = balance(quote)[0].add(reserved.subtract(notional));
        } else {
            balance(base)[1] = balance(base)[1].subtract(quantity);
        }
        balance(receivedAsset)[0] = balance(receivedAsset)[0].add(received.subtract(commission));
        order.executedQty = order.executedQty.add(quantity);
        order.quoteQty = order.quoteQty.add(notional);
        order.status = order.remaining().signum() == 0 ? "FILLED" : "PARTIALLY_FILLED";
        order.updateTime = clock.millis();
        ObjectNode trade = NODES.objectNode().put("symbol", order.symbol).put("id", nextTradeId++)
                .put("orderId", order.orderId).put("orderListId", -1).put("price", price.toPlainString())
                .put("qty", quantity.toPlainString()).put("quoteQty", notional.toPlainString())
                .put("commission", commission.toPlainString()).put("commissionAsset", receivedAsset)
                .put("time", order.updateTime).put("isBuyer", buy).put("isMaker", maker).put("isBestMatch", true);
        trades.add(trade);
        report(order, "TRADE", null, trade);
        return trade;
    }

    /** Moves {@code amount} of {@code asset} from free to locked ({@code lock}) or back. */
    private void move(String asset, BigDecimal amount, boolean lock) {
        BigDecimal[] b = balance(asset);
        BigDecimal signed = lock ? amount : amount.negate();
        b[0] = b[0].subtract(signed);
        b[1] = b[1].add(signed);
    }

    private void report(SpotOrder order, String executionType, String cancelId) {
        report(order, executionType, cancelId, null);
    }

    /** Pushes an {@code executionReport} to every user-data connection of the account. */
    private void report(SpotOrder order, String executionType, String cancelId, ObjectNode trade) {
        ObjectNode event = NODES.objectNode().put("e", "executionReport").put("E", clock.millis())
                .put("s", order.symbol).put("c", cancelId != null ? cancelId : order.clientOrderId)
                .put("S", order.side).put("o", order.type).put("f", "GTC")
                .put("q", order.origQty.toPlainString())
                .put("p", order.price == null ? "0" : order.price.toPlainString())
                .put("P", order.stopPrice == null ? "0" : order.stopPrice.toPlainString())
                .put("C", cancelId != null ? order.clientOrderId : "").put("x", executionType)
                .put("X", order.status).put("r", "NONE").put("i", order.orderId)
                .put("l", trade == null ? "0" : trade.get("qty").asString())
                .put("z", order.executedQty.toPlainString())
                .put("L", trade == null ? "0" : trade.get("price").asString())
                .put("n", trade == null ? "0" : trade.get("commission").asString());
        if (trade == null) {
            event.putNull("N");
        } else {
            event.put("N", trade.get("commissionAsset").asString());
        }
        event.put("T", order.updateTime).put("t", trade == null ? -1 : trade.get("id").asLong())
                .put("w", order.isOpen()).put("m", trade != null && trade.get("isMaker").asBoolean())
                .put("O", order.time).put("Z", order.quoteQty.toPlainString())
                .put("Y", trade == null ? "0" : trade.get("quoteQty").asString()).put("Q", "0");
        if (userDataLost) {
            return;
        }
        String json = event.toString();
        for (String key : listenKeys) {
            streams.pushUserData(key, json);
        }
    }

    private ObjectNode orderJson(SpotOrder order) {
        return NODES.objectNode().put("symbol", order.symbol).put("orderId", order.orderId).put("orderListId", -1)
                .put("clientOrderId", order.clientOrderId)
                .put("price", order.price == null ? "0.00000000" : order.price.toPlainString())
                .put("origQty", order.origQty.toPlainString()).put("executedQty", order.executedQty.toPlainString())
                .put("cummulativeQuoteQty", order.quoteQty.toPlainString()).put("status", order.status)
                .put("timeInForce", "GTC").put("type", order.type).put("side", order.side)
                .put("stopPrice", order.stopPrice == null ? "0.00000000" : order.stopPrice.toPlainString())
                .put("time", order.time).put("updateTime", order.updateTime).put("isWorking", order.isOpen())
                .put("origQuoteOrderQty", "0.00000000");
    }

    /** The latest order of {@code symbol} with {@code clientOrderId}, as Binance's query by client id answers. */
    private SpotOrder find(String symbol, String clientOrderId) {
        for (int i = orders.size() - 1; i >= 0; i--) {
            SpotOrder order = orders.get(i);
            if (order.symbol.equals(symbol) && order.clientOrderId.equals(clientOrderId)) {
                return order;
            }
        }
        return null;
    }

    private JsonNode knownSymbol(String symbol) {
        JsonNode node = symbols.get(symbol);
        if (node == null) {
            throw new IllegalArgumentException("symbol " + symbol + " is not in exchange_info_symbols.json");
        }
        return node;
    }

    private BigDecimal[] balance(String asset) {
        return balances.computeIfAbsent(asset, a -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
    }

    /** An amount as Binance prints balances: eight decimals. */
    private static String amount(BigDecimal value) {
        return value.setScale(8, RoundingMode.HALF_UP).toPlainString();
    }

    private static BigDecimal dec(JsonNode node, String field) {
        return new BigDecimal(node.path(field).asString("0"));
    }

    private static Answer ok(JsonNode body) {
        return new Answer(200, body.toString());
    }

    private static Answer error(int status, int code, String msg) {
        return new Answer(status, NODES.objectNode().put("code", code).put("msg", msg).toString());
    }

    private static Map<String, String> parse(String raw) {
        Map<String, String> query = new HashMap<>();
        for (String pair : (raw == null ? "" : raw).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }
}
