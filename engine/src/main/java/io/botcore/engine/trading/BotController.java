package io.botcore.engine.trading;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.botcore.core.market.Interval;
import io.botcore.engine.admin.AuditLog;
import io.botcore.engine.ai.EngineStrategies;
import io.botcore.engine.auth.AuthenticatedUser;
import io.botcore.engine.auth.Role;
import io.botcore.platform.web.ApiException;
import io.botcore.platform.web.ApiResponse;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bots and what they did: {@code /api/bots}, {@code /api/orders}, {@code /api/trades}, {@code /api/signals},
 * {@code /api/strategies}. A user sees and changes only their own bots; another user's bot is 404, as is an
 * unknown one. Viewers read; traders and admins also create, start, stop and delete.
 */
@RestController
class BotController {

    private static final java.util.regex.Pattern BOT_ID = java.util.regex.Pattern.compile("[a-z0-9]{10}");

    private final BotManager manager;
    private final EngineStrategies strategies;
    private final AuditLog audit;

    BotController(BotManager manager, AuditLog audit, EngineStrategies strategies) {
        this.strategies = strategies;
        this.manager = manager;
        this.audit = audit;
    }

    record RiskRequest(
            @JsonProperty("position_fraction") @DecimalMin(value = "0", inclusive = false,
                    message = "must be more than 0") @DecimalMax(value = "1", message = "must be at most 1")
            BigDecimal positionFraction,
            @JsonProperty("max_open_positions") @Min(value = 1, message = "must be at least 1")
            @Max(value = 50, message = "must be at most 50") Integer maxOpenPositions,
            @JsonProperty("max_exposure") @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
            @DecimalMax(value = "1", message = "must be at most 1") BigDecimal maxExposure,
            @JsonProperty("daily_loss_limit") @DecimalMin(value = "0", inclusive = false,
                    message = "must be more than 0") @DecimalMax(value = "1", message = "must be at most 1")
            BigDecimal dailyLossLimit,
            @JsonProperty("stop_loss") @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
            @DecimalMax(value = "0.5", message = "must be at most 0.5") BigDecimal stopLoss,
            @JsonProperty("take_profit") @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
            @DecimalMax(value = "10", message = "must be at most 10") BigDecimal takeProfit,
            @JsonProperty("trailing_stop") @DecimalMin(value = "0", inclusive = false,
                    message = "must be more than 0") @DecimalMax(value = "0.5", message = "must be at most 0.5")
            BigDecimal trailingStop) {
    }

    record CreateBotRequest(
            @NotBlank(message = "is required") @Size(max = 60, message = "must be at most 60 characters")
            String name,
            @NotBlank(message = "is required") @Size(max = 40, message = "must be at most 40 characters")
            String strategy,
            @NotEmpty(message = "must name at least one symbol") @Size(max = 10, message = "must name at most 10")
            List<@NotNull(message = "must not be null") @Pattern(regexp = "[A-Z0-9]{2,20}",
                    message = "must be 2 to 20 upper-case letters or digits") String> symbols,
            @Size(max = 20, message = "must have at most 20 entries")
            Map<@Pattern(regexp = "[a-z_.]{1,40}", message = "names must be lower-case letters, _ and .") String,
                    @NotNull(message = "must not be null") @Size(max = 40, message = "must be at most 40 characters")
                    String> params,
            @Pattern(regexp = "[0-9]{1,2}[mhdw]", message = "must be an interval such as 1h") String interval,
            @JsonProperty("initial_balance") @DecimalMin(value = "10", message = "must be at least 10")
            @DecimalMax(value = "1000000000", message = "must be at most 1000000000") BigDecimal initialBalance,
            @Valid RiskRequest risk) {
    }

    record StopRequest(@Size(max = 200, message = "must be at most 200 characters") String reason) {
    }

    @GetMapping("/api/strategies")
    ApiResponse<List<String>> strategies() {
        return ApiResponse.ok(strategies.names());
    }

    @GetMapping("/api/bots")
    ApiResponse<List<Map<String, Object>>> list(@AuthenticationPrincipal AuthenticatedUser caller) {
        return ApiResponse.ok(manager.bots().listOwned(caller.id()).stream().map(this::view).toList());
    }

    @PostMapping("/api/bots")
    ResponseEntity<ApiResponse<Map<String, Object>>> create(@AuthenticationPrincipal AuthenticatedUser caller,
            @Valid @RequestBody CreateBotRequest body, HttpServletRequest request) {
        requireTrader(caller);
        TradingSettings settings = manager.settings();
        Interval interval = body.interval() == null ? settings.interval() : parseInterval(body.interval());
        for (String symbol : body.symbols()) {
            if (!settings.symbols().contains(symbol) || SymbolCatalog.rules(symbol).isEmpty()) {
                throw invalid("symbols", symbol + " is not followed by the market feed; choose from "
                        + settings.symbols());
            }
        }
        if (body.symbols().stream().distinct().count() != body.symbols().size()) {
            throw invalid("symbols", "must not repeat a symbol");
        }
        if (interval != settings.interval()) {
            throw invalid("interval", "must be " + settings.interval().code() + ", the market feed's interval");
        }
        Map<String, String> params = body.params() == null ? Map.of() : new LinkedHashMap<>(body.params());
        try {
            strategies.validate(body.strategy(), params);
        } catch (IllegalArgumentException e) {
            throw invalid(body.strategy() != null && strategies.names().contains(body.strategy()) ? "params"
                    : "strategy", e.getMessage());
        }
        RiskRequest r = body.risk() == null ? new RiskRequest(null, null, null, null, null, null, null) : body.risk();
        Bot.Risk risk = new Bot.Risk(or(r.positionFraction(), "0.1"),
                r.maxOpenPositions() == null ? Math.max(1, body.symbols().size()) : r.maxOpenPositions(),
                or(r.maxExposure(), "0.5"), or(r.dailyLossLimit(), "0.05"), r.stopLoss(), r.takeProfit(),
                r.trailingStop());
        BigDecimal balance = body.initialBalance() == null ? settings.initialBalance() : body.initialBalance();
        Bot bot = manager.bots().create(caller.id(), body.name().strip(), body.strategy(), params, body.symbols(),
                interval, risk, balance);
        audit.record("bot.created", caller.email(), request.getRemoteAddr(), "bot_id", bot.id(), "strategy",
                bot.strategy(), "symbols", String.join(",", bot.symbols()));
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.ok(view(bot)));
    }

    private static BigDecimal or(BigDecimal value, String fallback) {
        return value == null ? new BigDecimal(fallback) : value;
    }

    private static Interval parseInterval(String code) {
        try {
            return Interval.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw invalid("interval", e.getMessage());
        }
    }

    private static ApiException invalid(String field, String rule) {
        return new ApiException(HttpStatus.BAD_REQUEST, field + ": " + rule);
    }

    @GetMapping("/api/bots/{id}")
    ApiResponse<Map<String, Object>> get(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String id) {
        return ApiResponse.ok(view(owned(caller, id)));
    }

    @DeleteMapping("/api/bots/{id}")
    ApiResponse<Map<String, String>> delete(@AuthenticationPrincipal AuthenticatedUser caller,
            @PathVariable String id, HttpServletRequest request) {
        requireTrader(caller);
        Bot bot = owned(caller, id);
        if (!manager.bots().deleteStopped(bot.id(), caller.id())) {
            throw new ApiException(HttpStatus.CONFLICT, "bot " + id + " is running; stop it first");
        }
        audit.record("bot.deleted", caller.email(), request.getRemoteAddr(), "bot_id", id);
        return ApiResponse.ok(Map.of("message", "bot " + id + " deleted; its orders and trades are kept"));
    }

    @PostMapping("/api/bots/{id}/start")
    ApiResponse<Map<String, Object>> start(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String id,
            HttpServletRequest request) {
        requireTrader(caller);
        Bot started = call(() -> manager.start(owned(caller, id)));
        audit.record("bot.started", caller.email(), request.getRemoteAddr(), "bot_id", id, "run",
                started.run().number());
        return ApiResponse.ok(view(started));
    }

    @PostMapping("/api/bots/{id}/stop")
    ApiResponse<Map<String, Object>> stop(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String id,
            @RequestBody(required = false) @Valid StopRequest body, HttpServletRequest request) {
        requireTrader(caller);
        String reason = body == null || body.reason() == null ? "stopped by " + caller.email() : body.reason();
        Bot stopped = call(() -> manager.stop(owned(caller, id), reason));
        audit.record("bot.stopped", caller.email(), request.getRemoteAddr(), "bot_id", id);
        return ApiResponse.ok(view(stopped));
    }

    @GetMapping("/api/bots/{id}/portfolio")
    ApiResponse<Map<String, Object>> portfolio(@AuthenticationPrincipal AuthenticatedUser caller,
            @PathVariable String id) {
        Bot bot = owned(caller, id);
        return ApiResponse.ok(manager.portfolio(bot.id()).map(DocumentViews::view).orElseGet(() -> Map.of(
                "bot_id", bot.id(), "cash", bot.initialBalance(), "equity", bot.initialBalance(),
                "positions", List.of(), "message", "the bot has not traded yet")));
    }

    @GetMapping("/api/bots/{id}/{kind:orders|trades|signals|fills|equity}")
    ApiResponse<List<Map<String, Object>>> history(@AuthenticationPrincipal AuthenticatedUser caller,
            @PathVariable String id, @PathVariable String kind, @RequestParam(defaultValue = "100") int limit) {
        Bot bot = owned(caller, id);
        String collection = kind.equals("equity") ? "portfolio_history" : kind;
        return ApiResponse.ok(DocumentViews.views(manager.store().find(collection, caller.id(), bot.id(), null, null,
                limit(limit))));
    }

    @GetMapping("/api/{kind:orders|trades|signals}")
    ApiResponse<List<Map<String, Object>>> all(@AuthenticationPrincipal AuthenticatedUser caller,
            @PathVariable String kind, @RequestParam(name = "bot_id", required = false) String botId,
            @RequestParam(required = false) String symbol, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "100") int limit) {
        if (botId != null && !BOT_ID.matcher(botId).matches()) {
            throw invalid("bot_id", "must be a bot id (10 lower-case letters and digits)");
        }
        if (symbol != null && !symbol.matches("[A-Z0-9]{2,20}")) {
            throw invalid("symbol", "must be 2 to 20 upper-case letters or digits");
        }
        if (status != null && !status.matches("[A-Za-z_]{1,20}")) {
            throw invalid("status", "must be a status such as FILLED or Closed");
        }
        return ApiResponse.ok(DocumentViews.views(manager.store().find(kind, caller.id(), botId, symbol, status,
                limit(limit))));
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > 10_000) {
            throw invalid("limit", "must be from 1 to 10000");
        }
        return limit;
    }

    private Bot owned(AuthenticatedUser caller, String id) {
        Optional<Bot> bot = BOT_ID.matcher(id).matches() ? manager.bots().findOwned(id, caller.id())
                : Optional.empty();
        return bot.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no bot " + id));
    }

    static void requireTrader(AuthenticatedUser caller) {
        if (caller.role() == Role.VIEWER) {
            throw new ApiException(HttpStatus.FORBIDDEN, "your role (viewer) may only read");
        }
    }

    static <T> T call(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (TradingException e) {
            throw new ApiException(e.kind() == TradingException.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND
                    : HttpStatus.CONFLICT, e.getMessage());
        }
    }

    Map<String, Object> view(Bot bot) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", bot.id());
        out.put("name", bot.name());
        out.put("strategy", bot.strategy());
        out.put("params", bot.params());
        out.put("symbols", bot.symbols());
        out.put("interval", bot.interval().code());
        out.put("mode", bot.mode());
        Bot.Risk r = bot.risk();
        Map<String, Object> risk = new LinkedHashMap<>();
        risk.put("position_fraction", r.positionFraction());
        risk.put("max_open_positions", r.maxOpenPositions());
        risk.put("max_exposure", r.maxExposure());
        risk.put("daily_loss_limit", r.dailyLossLimit());
        risk.put("stop_loss", r.stopLoss());
        risk.put("take_profit", r.takeProfit());
        risk.put("trailing_stop", r.trailingStop());
        out.put("risk", risk);
        out.put("initial_balance", bot.initialBalance());
        out.put("status", bot.stopRequested() ? "stopping" : bot.status());
        out.put("stop_reason", bot.stopReason());
        if (bot.run() != null) {
            out.put("run", Map.of("number", bot.run().number(), "started_at", bot.run().startedAt(),
                    "start_after", Instant.ofEpochMilli(bot.run().startAfter()),
                    "initial_cash", bot.run().initialCash()));
        }
        manager.problem(bot.id()).ifPresent(p -> out.put("problem", p));
        manager.snapshot(bot.id()).ifPresent(s -> {
            out.put("cash", s.cash());
            out.put("equity", s.equity());
            out.put("open_positions", s.openPositions());
            out.put("last_candle", Instant.ofEpochMilli(s.cursor()));
        });
        out.put("created_at", bot.createdAt());
        return out;
    }
}
