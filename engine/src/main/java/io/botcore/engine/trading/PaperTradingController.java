package io.botcore.engine.trading;

import io.botcore.core.backtest.EquityCurve;
import io.botcore.core.backtest.PerformanceCalculator;
import io.botcore.core.backtest.PerformanceMetrics;
import io.botcore.engine.admin.AuditLog;
import io.botcore.engine.auth.AuthenticatedUser;
import io.botcore.platform.web.ApiException;
import io.botcore.platform.web.ApiResponse;

import jakarta.servlet.http.HttpServletRequest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The original system's {@code /api/paper-trading/*} reads and start/stop, answered from the caller's newest
 * paper bot (the original had one paper engine per installation; we have bots per user). Field names as in the
 * original's {@code Perf} and {@code TradeSummary}. A user without a bot gets 404 saying how to create one.
 */
@RestController
@RequestMapping("/api/paper-trading")
class PaperTradingController {

    private final BotManager manager;
    private final AuditLog audit;

    PaperTradingController(BotManager manager, AuditLog audit) {
        this.manager = manager;
        this.audit = audit;
    }

    private Bot defaultBot(AuthenticatedUser caller) {
        List<Bot> bots = manager.bots().listOwned(caller.id());
        if (bots.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "you have no paper bot yet; create one with POST /api/bots");
        }
        return bots.get(bots.size() - 1);
    }

    @GetMapping("/status")
    ApiResponse<Map<String, Object>> status(@AuthenticationPrincipal AuthenticatedUser caller) {
        Bot bot = defaultBot(caller);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("is_running", bot.running());
        out.put("bot_id", bot.id());
        out.put("portfolio", perf(bot));
        out.put("last_updated", manager.portfolio(bot.id()).map(p -> p.getDate("updated_at").toInstant())
                .orElse(null));
        return ApiResponse.ok(out);
    }

    @GetMapping("/portfolio")
    ApiResponse<Map<String, Object>> portfolio(@AuthenticationPrincipal AuthenticatedUser caller) {
        return ApiResponse.ok(perf(defaultBot(caller)));
    }

    @GetMapping("/trades/closed")
    ApiResponse<List<Map<String, Object>>> closed(@AuthenticationPrincipal AuthenticatedUser caller) {
        Bot bot = defaultBot(caller);
        return ApiResponse.ok(DocumentViews.views(manager.store().find("trades", caller.id(), bot.id(), null, null,
                1000)));
    }

    @GetMapping("/trades/open")
    ApiResponse<List<Map<String, Object>>> open(@AuthenticationPrincipal AuthenticatedUser caller) {
        Bot bot = defaultBot(caller);
        List<Map<String, Object>> out = new ArrayList<>();
        manager.portfolio(bot.id()).ifPresent(p -> {
            for (Document position : p.getList("positions", Document.class)) {
                Map<String, Object> trade = DocumentViews.view(position);
                trade.put("bot_id", bot.id());
                trade.put("trade_type", "Long");
                trade.put("status", "Open");
                trade.put("leverage", 1);
                out.add(trade);
            }
        });
        return ApiResponse.ok(out);
    }

    @PostMapping("/start")
    ApiResponse<Map<String, String>> start(@AuthenticationPrincipal AuthenticatedUser caller,
            HttpServletRequest request) {
        BotController.requireTrader(caller);
        Bot bot = BotController.call(() -> manager.start(defaultBot(caller)));
        audit.record("bot.started", caller.email(), request.getRemoteAddr(), "bot_id", bot.id(), "run",
                bot.run().number());
        return ApiResponse.ok(Map.of("message", "paper bot " + bot.id() + " started"));
    }

    @PostMapping("/stop")
    ApiResponse<Map<String, String>> stop(@AuthenticationPrincipal AuthenticatedUser caller,
            HttpServletRequest request) {
        BotController.requireTrader(caller);
        Bot bot = BotController.call(() -> manager.stop(defaultBot(caller), "stopped by " + caller.email()));
        audit.record("bot.stopped", caller.email(), request.getRemoteAddr(), "bot_id", bot.id());
        return ApiResponse.ok(Map.of("message", "paper bot " + bot.id() + " is " + bot.status()));
    }

    /** The original's {@code Perf} from the stored portfolio and the bot's closed trades. */
    private Map<String, Object> perf(Bot bot) {
        List<Document> trades = manager.store().find("trades", bot.userId(), bot.id(), null, null, 10_000);
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal wins = BigDecimal.ZERO;
        BigDecimal losses = BigDecimal.ZERO;
        BigDecimal largestWin = BigDecimal.ZERO;
        BigDecimal largestLoss = BigDecimal.ZERO;
        int won = 0;
        for (Document trade : trades) {
            BigDecimal pnl = BotStore.bigDecimal(trade.get("pnl"));
            total = total.add(pnl);
            if (pnl.signum() > 0) {
                won++;
                wins = wins.add(pnl);
                largestWin = largestWin.max(pnl);
            } else {
                losses = losses.add(pnl);
                largestLoss = largestLoss.min(pnl);
            }
        }
        Document p = manager.portfolio(bot.id()).orElse(null);
        BigDecimal equity = p == null ? bot.initialBalance() : BotStore.bigDecimal(p.get("equity"));
        BigDecimal cash = p == null ? bot.initialBalance() : BotStore.bigDecimal(p.get("cash"));
        BigDecimal exposure = p == null ? BigDecimal.ZERO : BotStore.bigDecimal(p.get("exposure"));
        int lost = trades.size() - won;
        EquityCurve curve = manager.store().equityCurve(bot);
        double peak = curve.startEquity();
        double deepest = 0;
        for (int i = 0; i < curve.size(); i++) {
            peak = Math.max(peak, curve.equity(i));
            deepest = Math.max(deepest, peak - curve.equity(i));
        }
        // Only the curve's statistics are read: the trades are counted above from the stored documents.
        PerformanceMetrics curveStats = PerformanceCalculator.measure(curve, List.of(), bot.initialBalance(),
                equity, BigDecimal.ZERO);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total_trades", trades.size());
        out.put("win_rate", trades.isEmpty() ? 0 : won * 100.0 / trades.size());
        out.put("total_pnl", total);
        out.put("total_pnl_percentage", total.multiply(BigDecimal.valueOf(100))
                .divide(bot.initialBalance(), MathContext.DECIMAL64));
        out.put("max_drawdown", BigDecimal.valueOf(deepest).setScale(8, RoundingMode.HALF_EVEN));
        out.put("max_drawdown_percentage", curveStats.maxDrawdown() * 100);
        out.put("sharpe_ratio", Double.isFinite(curveStats.sharpe()) && curve.size() >= 2 ? curveStats.sharpe() : null);
        out.put("profit_factor", losses.signum() == 0 ? null
                : wins.divide(losses.negate(), MathContext.DECIMAL64));
        out.put("average_win", won == 0 ? BigDecimal.ZERO : wins.divide(BigDecimal.valueOf(won), MathContext.DECIMAL64));
        out.put("average_loss", lost == 0 ? BigDecimal.ZERO
                : losses.divide(BigDecimal.valueOf(lost), MathContext.DECIMAL64));
        out.put("largest_win", largestWin);
        out.put("largest_loss", largestLoss);
        out.put("current_balance", cash);
        out.put("equity", equity);
        out.put("margin_used", exposure);
        out.put("free_margin", cash);
        return out;
    }
}
