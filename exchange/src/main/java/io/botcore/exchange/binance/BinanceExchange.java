package io.botcore.exchange.binance;

import io.botcore.core.execution.ClientOrderId;
import io.botcore.core.execution.ExchangePort;
import io.botcore.core.execution.ExecutionListener;
import io.botcore.core.execution.Fill;
import io.botcore.core.execution.Liquidity;
import io.botcore.core.execution.Order;
import io.botcore.core.execution.OrderRequest;
import io.botcore.core.execution.OrderSide;
import io.botcore.core.execution.OrderStatus;
import io.botcore.core.execution.RejectReason;
import io.botcore.core.execution.Rejection;
import io.botcore.core.execution.Symbol;
import io.botcore.core.execution.SymbolRules;
import io.botcore.exchange.ExchangeBannedException;
import io.botcore.exchange.ExchangeUnavailableException;
import io.botcore.exchange.RateLimitedException;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;

/**
 * Binance spot behind the core's {@link ExchangePort}: what live trading plugs in where backtests and paper trading
 * plug in the simulated exchange.
 *
 * <p><b>Before sending.</b> The symbol's {@link SymbolRules} (from {@code exchangeInfo}) are applied locally: a
 * quantity off the step or below the minimum, a price off the tick, or a notional below the minimum (for a market
 * order at the last price given to {@link #markPrice}, or left to Binance when none is known) is rejected without
 * a request. Exit brackets and trailing stops, which Binance spot does not offer, are rejected too.
 *
 * <p><b>Never twice.</b> Every order is sent with its client order id as {@code newClientOrderId}. The order is
 * recorded as {@link OrderStatus#PENDING_NEW} before the request; submitting the same request again returns it and
 * sends nothing. When the outcome of a placement is unknown (timeout, 5xx, connection lost), the order is queried
 * by its client order id before anything is sent again: found, it is adopted; reported missing, it is queried once
 * more after its {@code recvWindow} (plus a margin) has passed, after which Binance refuses to execute the original
 * request, and only then sent again. When even that cannot be learned, the order stays PENDING_NEW, is listed as
 * in doubt, and {@link #poll()} resolves it later. A 429 or a ban places nothing and is thrown to the caller.
 * {@link #recover} is the same for an order whose request was sent before a restart.
 *
 * <p><b>Fills.</b> From the user-data stream's {@code executionReport}s, with the fills of a placement answer and,
 * while the stream is down (and once each time it comes back), {@link #poll() REST polling} of the open orders as
 * fallback. Each Binance trade id is booked once, whichever path brings it first. A fill's fee is in the quote
 * asset: a commission taken in the base asset is converted at the fill price; one taken in a third asset (BNB) is
 * not counted in the fee but is in the balances. A fill is stamped with Binance's trade time.
 *
 * <p><b>Reconciliation.</b> {@link #reconcile()} compares the open orders and the balances we expect (the account at
 * connection plus every booked fill) with the exchange's, and returns the differences; it changes nothing.
 *
 * <p>Thread-safe. Listeners are called under the exchange's lock, in the order events are applied, on the thread
 * that applied them (the caller of {@code submit}, the stream or the poller); they must not call back into it.
 */
public final class BinanceExchange implements ExchangePort, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BinanceExchange.class);

    /**
     * How the adapter behaves.
     *
     * @param streamBaseUrl    WebSocket base of the user-data stream (e.g. {@code wss://stream.testnet.binance.vision});
     *                         {@code null} for REST polling only
     * @param pollInterval     how often open orders are polled while the user-data stream is down
     * @param inDoubtMargin    added to {@code recvWindow} before an order reported missing is taken as never placed
     * @param maxAttempts      placements and look-ups of one order in doubt before it is left for {@link #poll()}
     * @param balanceTolerance largest balance difference {@link #reconcile()} ignores (exchange rounding)
     * @param keepAlive        how often the listen key is renewed (Binance: within 60 minutes)
     * @param sleeper          how waits are made; tests may record them
     */
    public record Settings(URI streamBaseUrl, Duration pollInterval, Duration inDoubtMargin, int maxAttempts,
            BigDecimal balanceTolerance, Duration keepAlive, RequestWeightBudget.Sleeper sleeper) {

        public Settings {
            Objects.requireNonNull(pollInterval, "pollInterval");
            Objects.requireNonNull(inDoubtMargin, "inDoubtMargin");
            Objects.requireNonNull(balanceTolerance, "balanceTolerance");
            Objects.requireNonNull(keepAlive, "keepAlive");
            Objects.requireNonNull(sleeper, "sleeper");
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be >= 1 but is " + maxAttempts);
            }
        }

        /** Polling every 5 s while the stream is down, 1 s margin, 3 attempts, 1e-8 tolerance, keep-alive 30 min. */
        public static Settings standard(URI streamBaseUrl) {
            return new Settings(streamBaseUrl, Duration.ofSeconds(5), Duration.ofSeconds(1), 3,
                    new BigDecimal("0.00000001"), Duration.ofMinutes(30), d -> Thread.sleep(d.toMillis()));
        }
    }

    /** One execution as any of the three paths reports it. */
    private record Trade(long id, BigDecimal price, BigDecimal qty, BigDecimal commission, String commissionAsset,
            Instant time, boolean maker) {
    }

    private final BinanceTradingClient client;
    private final Map<Symbol, BinanceSymbol> symbols;
    private final Settings settings;
    private final Clock clock;
    private final Map<ClientOrderId, Order> orders = new LinkedHashMap<>();
    private final Set<String> bookedTrades = new HashSet<>();
    private final Set<ClientOrderId> inDoubt = new LinkedHashSet<>();
    /** Orders in doubt that one thread is resolving now; no other thread looks them up or sends them meanwhile. */
    private final Set<ClientOrderId> resolving = new HashSet<>();
    private final Map<String, BigDecimal> expectedBalances = new TreeMap<>();
    private final Map<Symbol, BigDecimal> marks = new HashMap<>();
    private final List<ExecutionListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "binance-orders");
        t.setDaemon(true);
        return t;
    });
    private ReconnectingWebSocket userStream;
    private volatile String listenKey;

    private BinanceExchange(BinanceTradingClient client, Map<Symbol, BinanceSymbol> symbols, Settings settings,
            Clock clock) {
        this.client = client;
        this.symbols = Map.copyOf(symbols);
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Loads the symbols' filters and the account's balances, opens the user-data stream (when configured) and
     * starts the polling fallback.
     *
     * @throws IllegalArgumentException naming a symbol Binance does not list or does not trade now
     */
    public static BinanceExchange connect(BinanceTradingClient client, Collection<Symbol> symbols, Settings settings,
            Clock clock) {
        Map<Symbol, BinanceSymbol> info = client.exchangeInfo(symbols);
        for (Symbol symbol : symbols) {
            BinanceSymbol s = info.get(symbol);
            if (s == null || !s.isTrading()) {
                throw new IllegalArgumentException("symbol " + symbol + " is " + (s == null ? "not listed" : s.status())
                        + " on Binance at " + client.baseUrl());
            }
        }
        BinanceExchange exchange = new BinanceExchange(client, info, settings, clock);
        for (BinanceBalance balance : client.account()) {
            exchange.expectedBalances.put(balance.asset(), balance.total());
        }
        exchange.start();
        return exchange;
    }

    private void start() {
        if (settings.streamBaseUrl() != null) {
            userStream = new ReconnectingWebSocket("binance-user-data", new UserData(),
                    ReconnectingWebSocket.Settings.standard(), clock);
            userStream.start();
            long keepAlive = settings.keepAlive().toMillis();
            scheduler.scheduleWithFixedDelay(this::keepAlive, keepAlive, keepAlive, TimeUnit.MILLISECONDS);
        }
        long poll = settings.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            if (!userStreamConnected() || hasInDoubt()) {
                poll();
            }
        }, poll, poll, TimeUnit.MILLISECONDS);
    }

    /** The filters of a traded symbol. */
    public SymbolRules rules(Symbol symbol) {
        BinanceSymbol s = symbols.get(symbol);
        if (s == null) {
            throw new IllegalArgumentException("symbol " + symbol + " is not traded by this adapter");
        }
        return s.rules();
    }

    /** The last price of {@code symbol} (e.g. the close of the last candle), for checking market orders' notional. */
    public synchronized void markPrice(Symbol symbol, BigDecimal price) {
        marks.put(symbol, price);
    }

    /** Whether the user-data stream is connected. */
    public boolean userStreamConnected() {
        return userStream != null && userStream.connected();
    }

    /** Reconnections of the user-data stream. */
    public long userStreamReconnects() {
        return userStream == null ? 0 : userStream.reconnects();
    }

    /** Client order ids of orders whose placement is still in doubt. */
    public synchronized Set<ClientOrderId> inDoubt() {
        return Set.copyOf(inDoubt);
    }

    private synchronized boolean hasInDoubt() {
        return !inDoubt.isEmpty();
    }

    /**
     * {@inheritDoc}
     *
     * @throws RateLimitedException    on a 429: nothing was placed; submit again after {@code retryAfter}
     * @throws ExchangeBannedException during a ban: nothing was placed
     */
    @Override
    public Order submit(OrderRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (this) {
            Order existing = orders.get(request.id());
            if (existing != null) {
                return existing.request().equals(request) ? existing
                        : Order.pending(request).rejected(new Rejection(RejectReason.DUPLICATE_CLIENT_ORDER_ID,
                                "client order id " + request.id() + " is already used by another order"));
            }
            Optional<Rejection> refusal = check(request);
            if (refusal.isPresent()) {
                Order rejected = Order.pending(request).rejected(refusal.get());
                orders.put(rejected.id(), rejected);
                notifyUpdate(rejected);
                return rejected;
            }
            orders.put(request.id(), Order.pending(request));
        }
        return place(request);
    }

    /**
     * For an order whose request may have been sent before a restart: adopts the order Binance has under its client
     * order id, or places it when Binance has none (after the in-doubt wait, so the earlier request can no longer
     * execute). Fills made before the restart are reflected in the order's filled quantity but not reported again.
     */
    public Order recover(OrderRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (this) {
            Order existing = orders.get(request.id());
            if (existing != null) {
                return existing;
            }
            orders.put(request.id(), Order.pending(request));
            claim(request.id());
        }
        return resolveClaimed(request, clock.millis(), 0);
    }

    /** Marks {@code id} in doubt and claims its resolution; false when another thread is resolving it already. */
    private synchronized boolean claim(ClientOrderId id) {
        inDoubt.add(id);
        return resolving.add(id);
    }

    private Order resolveClaimed(OrderRequest request, long lastSentAt, int sends) {
        try {
            return resolve(request, lastSentAt, sends);
        } finally {
            synchronized (this) {
                resolving.remove(request.id());
            }
        }
    }

    private Optional<Rejection> check(OrderRequest request) {
        BinanceSymbol symbol = symbols.get(request.symbol());
        if (symbol == null) {
            return Optional.of(new Rejection(RejectReason.UNKNOWN_SYMBOL, "symbol " + request.symbol()
                    + " is not traded by this adapter"));
        }
        Optional<Rejection> unsupported = BinanceAdapters.unsupported(request);
        if (unsupported.isPresent()) {
            return unsupported;
        }
        SymbolRules rules = symbol.rules();
        Optional<Rejection> refusal = rules.checkQuantity(request.quantity());
        BigDecimal price = request.limitPrice() != null ? request.limitPrice() : request.stopPrice();
        if (refusal.isEmpty() && price != null) {
            refusal = rules.checkPrice(price);
        }
        if (price == null) {
            price = marks.get(request.symbol());
        }
        return refusal.isEmpty() && price != null ? rules.checkMinNotional(price, request.quantity()) : refusal;
    }

    /** Sends the order; resolves an unknown outcome by looking it up. */
    private Order place(OrderRequest request) {
        BinanceOrder placed;
        try {
            placed = client.newOrder(BinanceAdapters.newOrder(request));
        } catch (BinanceApiException e) {
            if (e.code() == BinanceApiException.NEW_ORDER_REJECTED && e.msg().startsWith("Duplicate order")) {
                log.warn("order {}: Binance already has an open order with this client order id; adopting it",
                        request.id());
                return claim(request.id()) ? resolveClaimed(request, clock.millis(), 0) : order(request.id()).get();
            }
            Rejection rejection = BinanceAdapters.rejection(e, request, symbols.get(request.symbol()).rules());
            log.warn("trade {} {} {} {} failed: rejected: {}", request.id(), request.side(), request.quantity()
                    .toPlainString(), request.symbol(), rejection.message());
            return reject(request.id(), rejection);
        } catch (RateLimitedException | ExchangeBannedException e) {
            forget(request.id());
            log.warn("trade {} {} {} failed: {}", request.id(), request.side(), request.symbol(), e.getMessage());
            throw e;
        } catch (ExchangeUnavailableException e) {
            log.warn("order {}: outcome unknown ({}); looking it up before anything is sent again", request.id(),
                    e.getMessage());
            return claim(request.id()) ? resolveClaimed(request, clock.millis(), 1) : order(request.id()).get();
        }
        return adopt(request.id(), placed, fillsOf(placed));
    }

    /**
     * Learns what became of an order in doubt whose last request ended at {@code lastSentAt}; places it again only
     * when Binance has certainly not executed it. {@code sends} counts placements made so far.
     */
    private Order resolve(OrderRequest request, long lastSentAt, int sends) {
        long safeAfter = lastSentAt + client.recvWindow().toMillis() + settings.inDoubtMargin().toMillis();
        for (int attempt = 0; attempt < settings.maxAttempts(); attempt++) {
            try {
                BinanceOrder found = client.queryOrder(request.symbol().value(), request.id().value());
                synchronized (this) {
                    inDoubt.remove(request.id());
                }
                return refresh(request.id(), found);
            } catch (BinanceApiException e) {
                if (e.code() != BinanceApiException.NO_SUCH_ORDER) {
                    throw e;
                }
                long wait = safeAfter - clock.millis();
                if (wait <= 0) {
                    if (sends >= settings.maxAttempts()) {
                        break;
                    }
                    synchronized (this) {
                        inDoubt.remove(request.id());
                    }
                    log.info("order {}: Binance has no such order after its receive window; sending it", request.id());
                    return placeAgain(request, sends);
                }
                sleep(Duration.ofMillis(wait));
                attempt--;
            } catch (ExchangeUnavailableException | RateLimitedException e) {
                sleep(Duration.ofMillis(200L << attempt));
            }
        }
        log.warn("trade {} {} {} failed: outcome still unknown; the order stays in doubt until a poll resolves it",
                request.id(), request.side(), request.symbol());
        synchronized (this) {
            inDoubt.add(request.id());
            return orders.get(request.id());
        }
    }

    private Order placeAgain(OrderRequest request, int sends) {
        try {
            BinanceOrder placed = client.newOrder(BinanceAdapters.newOrder(request));
            return adopt(request.id(), placed, fillsOf(placed));
        } catch (BinanceApiException e) {
            if (e.code() == BinanceApiException.NEW_ORDER_REJECTED && e.msg().startsWith("Duplicate order")) {
                return resolve(request, clock.millis(), sends + 1);
            }
            return reject(request.id(), BinanceAdapters.rejection(e, request, symbols.get(request.symbol()).rules()));
        } catch (ExchangeUnavailableException e) {
            synchronized (this) {
                inDoubt.add(request.id());
            }
            return resolve(request, clock.millis(), sends + 1);
        }
    }

    /** Applies {@code order} as queried; fetches the trades when its filled quantity is ahead of ours. */
    private Order refresh(ClientOrderId id, BinanceOrder order) {
        BigDecimal known;
        synchronized (this) {
            known = orders.get(id).filledQuantity();
        }
        List<Trade> trades = new ArrayList<>();
        if (order.executedQty().compareTo(known) > 0) {
            for (BinanceTrade t : client.myTrades(order.symbol(), order.orderId())) {
                trades.add(new Trade(t.id(), t.price(), t.qty(), t.commission(), t.commissionAsset(),
                        Instant.ofEpochMilli(t.time()), t.maker()));
            }
        }
        return apply(id, order.status(), trades, order.executedQty(), false);
    }

    private static List<Trade> fillsOf(BinanceOrder placed) {
        List<Trade> trades = new ArrayList<>();
        for (BinanceOrder.Fill f : placed.fills()) {
            trades.add(new Trade(f.tradeId(), f.price(), f.qty(), f.commission(), f.commissionAsset(),
                    Instant.ofEpochMilli(placed.updateTime()), false));
        }
        return trades;
    }

    private Order adopt(ClientOrderId id, BinanceOrder order, List<Trade> trades) {
        return apply(id, order.status(), trades, order.executedQty(), true);
    }

    /**
     * Moves our order to Binance's {@code status}, booking each trade not booked yet, and tells the listeners. When
     * Binance reports more filled ({@code executedQty}) than the trades explain, the order is not ended here (an
     * ended order can book no more fills): it is refreshed over REST with its trades first, unless {@code mayFetch}
     * is false because the trades come from that refresh already.
     */
    private synchronized Order apply(ClientOrderId id, String status, List<Trade> trades, BigDecimal executedQty,
            boolean mayFetch) {
        Order before = orders.get(id);
        Order order = before;
        if (order.status() == OrderStatus.PENDING_NEW) {
            if (status.equals("REJECTED")) {
                return reject(id, new Rejection(RejectReason.EXCHANGE_REFUSED, "Binance rejected the order"));
            }
            order = order.accepted();
            orders.put(id, order);
            notifyUpdate(order);
        }
        BinanceSymbol symbol = symbols.get(order.symbol());
        for (Trade trade : trades) {
            if (bookedTrades.contains(order.symbol() + ":" + trade.id())) {
                continue;
            }
            if (!order.isOpen() || trade.qty().compareTo(order.remainingQuantity()) > 0) {
                log.error("order {}: Binance trade {} of {} does not fit the order ({} {} filled {}); not booked, "
                        + "reconciliation will show the difference", id, trade.id(), trade.qty().toPlainString(),
                        order.status(), order.request().quantity().toPlainString(),
                        order.filledQuantity().toPlainString());
                continue;
            }
            bookedTrades.add(order.symbol() + ":" + trade.id());
            Fill fill = book(order, symbol, trade);
            order = order.filled(trade.qty(), trade.price());
            orders.put(id, order);
            for (ExecutionListener listener : listeners) {
                listener.onFill(fill);
            }
            notifyUpdate(order);
        }
        if (mayFetch && order.isOpen() && executedQty.compareTo(order.filledQuantity()) > 0
                && (status.equals("CANCELED") || status.startsWith("EXPIRED") || status.equals("FILLED"))) {
            ClientOrderId missing = id;
            scheduler.execute(() -> {
                try {
                    Order known = order(missing).orElseThrow();
                    refresh(missing, client.queryOrder(known.symbol().value(), missing.value()));
                } catch (RuntimeException e) {
                    log.warn("order {}: fetching its missing fills failed; the next poll retries: {}", missing,
                            e.getMessage());
                }
            });
        } else if (order.isOpen() && status.equals("CANCELED")) {
            order = order.canceled();
        } else if (order.isOpen() && status.startsWith("EXPIRED")) {
            order = order.expired(new Rejection(RejectReason.EXCHANGE_REFUSED, "Binance ended the order: " + status));
        }
        if (order != orders.get(id)) {
            orders.put(id, order);
            notifyUpdate(order);
        }
        return order;
    }

    /** The fill of {@code trade}, with the balances it moves. */
    private Fill book(Order order, BinanceSymbol symbol, Trade trade) {
        BigDecimal notional = trade.price().multiply(trade.qty());
        boolean buy = order.side() == OrderSide.BUY;
        add(symbol.baseAsset(), buy ? trade.qty() : trade.qty().negate());
        add(symbol.quoteAsset(), buy ? notional.negate() : notional);
        add(trade.commissionAsset(), trade.commission().negate());
        BigDecimal fee;
        if (trade.commissionAsset().equals(symbol.quoteAsset())) {
            fee = trade.commission();
        } else if (trade.commissionAsset().equals(symbol.baseAsset())) {
            fee = trade.commission().multiply(trade.price());
        } else {
            fee = BigDecimal.ZERO;
        }
        return new Fill(order.id(), order.symbol(), order.side(), trade.price(), trade.qty(), fee,
                trade.maker() ? Liquidity.MAKER : Liquidity.TAKER, trade.time(), order.request().exitReason());
    }

    private void add(String asset, BigDecimal amount) {
        if (amount.signum() != 0) {
            expectedBalances.merge(asset, amount, BigDecimal::add);
        }
    }

    private synchronized Order reject(ClientOrderId id, Rejection rejection) {
        inDoubt.remove(id);
        Order rejected = orders.get(id).rejected(rejection);
        orders.put(id, rejected);
        notifyUpdate(rejected);
        return rejected;
    }

    private synchronized void forget(ClientOrderId id) {
        orders.remove(id);
    }

    /**
     * {@inheritDoc}
     *
     * @throws ExchangeUnavailableException when Binance cannot be reached and the order's state is unknown
     */
    @Override
    public Optional<Order> cancel(ClientOrderId id) {
        Order order;
        synchronized (this) {
            order = orders.get(id);
        }
        if (order == null || !order.isOpen()) {
            return Optional.ofNullable(order);
        }
        BinanceOrder answer;
        try {
            answer = client.cancelOrder(order.symbol().value(), id.value());
        } catch (BinanceApiException e) {
            if (e.code() != BinanceApiException.CANCEL_REJECTED) {
                throw e;
            }
            answer = client.queryOrder(order.symbol().value(), id.value());
        }
        return Optional.of(refresh(id, answer));
    }

    @Override
    public synchronized Optional<Order> order(ClientOrderId id) {
        return Optional.ofNullable(orders.get(id));
    }

    @Override
    public synchronized List<Order> openOrders(Symbol symbol) {
        List<Order> open = new ArrayList<>();
        for (Order order : orders.values()) {
            if (order.isOpen() && order.symbol().equals(symbol)) {
                open.add(order);
            }
        }
        return open;
    }

    @Override
    public void addListener(ExecutionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Brings our open orders and orders in doubt up to date over REST: the fallback while the user-data stream is
     * down, run by the adapter itself every {@code pollInterval} then, and once after each stream reconnect.
     */
    public void poll() {
        Map<Symbol, List<Order>> open = new LinkedHashMap<>();
        List<Order> doubtful = new ArrayList<>();
        synchronized (this) {
            for (Order order : orders.values()) {
                if (order.isOpen()) {
                    open.computeIfAbsent(order.symbol(), s -> new ArrayList<>()).add(order);
                } else if (order.status() == OrderStatus.PENDING_NEW && inDoubt.contains(order.id())) {
                    doubtful.add(order);
                }
            }
        }
        for (Map.Entry<Symbol, List<Order>> entry : open.entrySet()) {
            try {
                Map<String, BinanceOrder> theirs = new HashMap<>();
                for (BinanceOrder order : client.openOrders(entry.getKey().value())) {
                    theirs.put(order.clientOrderId(), order);
                }
                for (Order order : entry.getValue()) {
                    BinanceOrder current = theirs.get(order.id().value());
                    if (current == null) {
                        current = client.queryOrder(order.symbol().value(), order.id().value());
                    }
                    refresh(order.id(), current);
                }
            } catch (RuntimeException e) {
                log.warn("polling the {} orders failed: {}", entry.getKey(), e.getMessage());
            }
        }
        for (Order order : doubtful) {
            try {
                if (claim(order.id())) {
                    resolveClaimed(order.request(), clock.millis(), 0);
                }
            } catch (RuntimeException e) {
                log.warn("resolving order {} in doubt failed: {}", order.id(), e.getMessage());
            }
        }
    }

    /**
     * Compares our records with the exchange's: open orders of every traded symbol, orders in doubt, and the
     * balances of every asset we hold or that our fills moved. Changes nothing.
     */
    public Reconciliation reconcile() {
        Instant at = clock.instant();
        List<Reconciliation.Difference> differences = new ArrayList<>();
        Map<ClientOrderId, Order> ours;
        Set<ClientOrderId> doubtful;
        synchronized (this) {
            ours = new LinkedHashMap<>(orders);
            doubtful = Set.copyOf(inDoubt);
        }
        for (Symbol symbol : symbols.keySet()) {
            Map<String, BinanceOrder> theirs = new LinkedHashMap<>();
            for (BinanceOrder order : client.openOrders(symbol.value())) {
                theirs.put(order.clientOrderId(), order);
            }
            for (Order order : ours.values()) {
                if (!order.symbol().equals(symbol) || !order.isOpen()) {
                    continue;
                }
                BinanceOrder open = theirs.remove(order.id().value());
                if (open == null) {
                    BinanceOrder actual = client.queryOrder(symbol.value(), order.id().value());
                    differences.add(new Reconciliation.Difference(Reconciliation.Kind.ORDER_STATE, order.id().value(),
                            describe(order), actual.status() + " filled " + actual.executedQty().toPlainString()));
                } else if (open.executedQty().compareTo(order.filledQuantity()) != 0) {
                    differences.add(new Reconciliation.Difference(Reconciliation.Kind.ORDER_STATE, order.id().value(),
                            describe(order), open.status() + " filled " + open.executedQty().toPlainString()));
                }
            }
            for (BinanceOrder unknown : theirs.values()) {
                ClientOrderId id = validId(unknown.clientOrderId());
                if (id == null || !doubtful.contains(id)) {
                    differences.add(new Reconciliation.Difference(Reconciliation.Kind.UNKNOWN_OPEN_ORDER,
                            unknown.clientOrderId(), "none", unknown.status() + " " + unknown.side() + " "
                                    + unknown.origQty().toPlainString() + " " + unknown.symbol()));
                }
            }
        }
        for (ClientOrderId id : doubtful) {
            differences.add(new Reconciliation.Difference(Reconciliation.Kind.IN_DOUBT, id.value(), "PENDING_NEW",
                    "unknown"));
        }
        Map<String, BigDecimal> expected;
        synchronized (this) {
            expected = new TreeMap<>(expectedBalances);
        }
        Map<String, BigDecimal> actual = new TreeMap<>();
        for (BinanceBalance balance : client.account()) {
            actual.put(balance.asset(), balance.total());
        }
        Set<String> assets = new TreeSet<>(expected.keySet());
        assets.addAll(actual.keySet());
        for (String asset : assets) {
            BigDecimal mine = expected.getOrDefault(asset, BigDecimal.ZERO);
            BigDecimal theirs = actual.getOrDefault(asset, BigDecimal.ZERO);
            if (mine.subtract(theirs).abs().compareTo(settings.balanceTolerance()) > 0) {
                differences.add(new Reconciliation.Difference(Reconciliation.Kind.BALANCE, asset,
                        mine.toPlainString(), theirs.toPlainString()));
            }
        }
        if (!differences.isEmpty()) {
            log.warn("reconciliation with Binance found {} difference(s): {}", differences.size(), differences);
        }
        return new Reconciliation(at, differences);
    }

    private static String describe(Order order) {
        return order.status() + " filled " + order.filledQuantity().toPlainString();
    }

    private static ClientOrderId validId(String value) {
        try {
            return ClientOrderId.of(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void notifyUpdate(Order order) {
        for (ExecutionListener listener : listeners) {
            listener.onOrderUpdate(order);
        }
    }

    private void keepAlive() {
        String key = listenKey;
        if (key != null) {
            try {
                client.keepAliveListenKey(key);
            } catch (RuntimeException e) {
                log.warn("keeping the user-data listen key alive failed: {}", e.getMessage());
            }
        }
    }

    private void sleep(Duration duration) {
        try {
            settings.sleeper().sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeUnavailableException("interrupted while resolving an order in doubt", e);
        }
    }

    /** An {@code executionReport} of one of our orders. */
    private void onExecutionReport(JsonNode event) {
        String original = event.path("C").asString("");
        ClientOrderId id = validId(original.isEmpty() ? event.path("c").asString("") : original);
        if (id == null) {
            return;
        }
        synchronized (this) {
            if (!orders.containsKey(id)) {
                return;
            }
            List<Trade> trades = new ArrayList<>();
            if (event.path("x").asString().equals("TRADE")) {
                trades.add(new Trade(event.path("t").asLong(), new BigDecimal(event.path("L").asString()),
                        new BigDecimal(event.path("l").asString()), new BigDecimal(event.path("n").asString("0")),
                        event.path("N").asString(""), Instant.ofEpochMilli(event.path("T").asLong()),
                        event.path("m").asBoolean()));
            }
            apply(id, event.path("X").asString(), trades, new BigDecimal(event.path("z").asString("0")),
                    true);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        if (userStream != null) {
            userStream.close();
            String key = listenKey;
            if (key != null) {
                try {
                    client.closeListenKey(key);
                } catch (RuntimeException e) {
                    log.debug("closing the listen key failed: {}", e.getMessage());
                }
            }
        }
    }

    /** The user-data stream: a fresh listen key per connection, a REST poll after each (re)connect. */
    private final class UserData implements ReconnectingWebSocket.Handler {

        @Override
        public URI url() {
            String key = client.createListenKey();
            listenKey = key;
            return URI.create(settings.streamBaseUrl() + "/ws/" + key);
        }

        @Override
        public void opened() {
            scheduler.execute(BinanceExchange.this::poll);
        }

        @Override
        public void message(String text) {
            JsonNode event = BinanceHttp.JSON.readTree(text);
            switch (event.path("e").asString()) {
                case "executionReport" -> onExecutionReport(event);
                case "listenKeyExpired" -> {
                    log.warn("user-data listen key expired; reconnecting with a new one");
                    userStream.reconnect("listen key expired");
                }
                default -> {
                    // balance and account updates: balances are compared by reconcile()
                }
            }
        }
    }
}
