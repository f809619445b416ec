package io.botcore.ai.analysis;

import com.mongodb.client.MongoDatabase;

import io.botcore.ai.registry.ModelDescription;
import io.botcore.core.strategy.StrategyCatalog;
import io.botcore.platform.BuildInfo;
import io.botcore.platform.web.ApiResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The analysis routes of the original AI service under {@code /api/ai} (see {@code API.md} §1.4 and §3), answered
 * from the active model in the common envelope. Every route needs an access token issued by the engine.
 * {@code strategy-recommendations} and {@code market-bias} are not offered: the first has no model behind it yet,
 * the second was always the engine's.
 */
@RestController
class AnalysisController {

    private static final Set<String> SIGNALS = Set.of("Long", "Short", "Neutral");

    private final Analyzer analyzer;
    private final ActiveModel active;
    private final MongoDatabase database;
    private final Clock clock;

    AnalysisController(Analyzer analyzer, ActiveModel active, MongoDatabase database, Clock clock) {
        this.analyzer = analyzer;
        this.active = active;
        this.database = database;
        this.clock = clock;
    }

    @PostMapping("/api/ai/analyze")
    ApiResponse<Map<String, Object>> analyze(@RequestBody JsonNode body) {
        return ApiResponse.ok(analyzer.analyze(body));
    }

    /**
     * The market's condition read from the same analysis: direction is the model's {@code P(up) - P(down)}, the
     * condition trending when the signal is Long or Short and ranging otherwise.
     */
    @PostMapping("/api/ai/market-condition")
    ApiResponse<Map<String, Object>> marketCondition(@RequestBody JsonNode body) {
        Map<String, Object> analysis = analyzer.analyze(body);
        @SuppressWarnings("unchecked") // built by Analyzer as a map
        Map<String, Object> market = (Map<String, Object>) analysis.get("market_analysis");
        @SuppressWarnings("unchecked") // built by Analyzer as a map
        Map<String, Object> scores = (Map<String, Object>) analysis.get("strategy_scores");
        double direction = ((Number) analysis.get("score")).doubleValue();
        String signal = (String) analysis.get("signal");
        List<String> agreeing = new ArrayList<>();
        scores.forEach((name, score) -> {
            double s = ((Number) score).doubleValue();
            if (s != 0 && Math.signum(s) == Math.signum(direction) && !signal.equals("Neutral")) {
                agreeing.add(name);
            }
        });
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("symbol", analysis.get("symbol"));
        data.put("condition_type", switch (signal) {
            case "Long" -> "trending_up";
            case "Short" -> "trending_down";
            default -> "ranging";
        });
        data.put("confidence", analysis.get("confidence"));
        data.put("direction", direction);
        data.put("trend_strength", market.get("trend_strength"));
        data.put("characteristics", List.of("volatility " + market.get("volatility_level"),
                (String) market.get("volume_analysis")));
        data.put("recommended_strategies", agreeing);
        data.put("indicators_summary", scores);
        data.put("model_version", analysis.get("model_version"));
        data.put("candle_open_time", analysis.get("candle_open_time"));
        data.put("timestamp", clock.millis());
        return ApiResponse.ok(data);
    }

    @GetMapping("/api/ai/info")
    ApiResponse<Map<String, Object>> info() {
        Optional<ActiveModel.Served> served = active.current();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("service_name", "bot-core-ai");
        data.put("version", BuildInfo.version());
        data.put("model_version", served.map(ActiveModel.Served::version).orElse(null));
        data.put("model_kind", served.map(s -> s.metadata().description().kind().code()).orElse(null));
        data.put("supported_timeframes", served.map(s -> List.of(s.metadata().description().interval().code()))
                .orElse(List.of()));
        data.put("supported_symbols", served.map(s -> List.of(s.metadata().description().symbol()))
                .orElse(List.of()));
        data.put("capabilities", served.isPresent() ? List.of("analyze", "market-condition", "feedback")
                : List.of("feedback"));
        data.put("last_trained", served.map(s -> s.metadata().createdAt().toString()).orElse(null));
        data.put("training_window", served.map(s -> window(s.metadata().description())).orElse(null));
        data.put("model_problem", active.problem());
        return ApiResponse.ok(data);
    }

    private static Map<String, Object> window(ModelDescription d) {
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("from", d.trainFrom().toString());
        window.put("to", d.trainTo().toString());
        window.put("rows", d.trainRows());
        return window;
    }

    /** The indicator strategies whose verdicts every analysis lists in {@code strategy_scores}. */
    @GetMapping("/api/ai/strategies")
    ApiResponse<Map<String, Object>> strategies() {
        return ApiResponse.ok(Map.of("strategies", StrategyCatalog.names()));
    }

    /** Stores the outcome of an earlier signal in {@code ai_feedback}. */
    @PostMapping("/api/ai/feedback")
    ResponseEntity<ApiResponse<Map<String, Object>>> feedback(@RequestBody JsonNode body) {
        RequestFields.object(body);
        String signalId = text(body, "signal_id", 1, 100);
        String symbol = RequestFields.symbol(body);
        String predicted = text(body, "predicted_signal", 1, 10);
        if (!SIGNALS.contains(predicted)) {
            throw new InvalidRequestException("predicted_signal", "must be Long, Short or Neutral");
        }
        String outcome = text(body, "actual_outcome", 1, 100);
        JsonNode pnl = body.get("profit_loss");
        if (pnl == null || !pnl.isNumber() || !Double.isFinite(pnl.asDouble())) {
            throw new InvalidRequestException("profit_loss", "is required: a finite number");
        }
        JsonNode accurate = body.get("confidence_was_accurate");
        if (accurate == null || !accurate.isBoolean()) {
            throw new InvalidRequestException("confidence_was_accurate", "is required: true or false");
        }
        JsonNode notes = body.get("feedback_notes");
        if (notes != null && !notes.isNull() && (!notes.isString() || notes.asString().length() > 2000)) {
            throw new InvalidRequestException("feedback_notes", "must be text of at most 2000 characters when given");
        }
        Date now = Date.from(clock.instant());
        database.getCollection("ai_feedback").insertOne(new Document("signal_id", signalId).append("symbol", symbol)
                .append("predicted_signal", predicted).append("actual_outcome", outcome)
                .append("profit_loss", pnl.asDouble()).append("confidence_was_accurate", accurate.asBoolean())
                .append("feedback_notes", notes == null || notes.isNull() ? null : notes.asString())
                .append("created_at", now));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("message", "feedback stored");
        data.put("signal_id", signalId);
        data.put("timestamp", now.getTime());
        return ResponseEntity.status(201).body(ApiResponse.ok(data));
    }

    private static String text(JsonNode body, String field, int min, int max) {
        JsonNode node = body.get(field);
        if (node == null || !node.isString() || node.asString().length() < min || node.asString().length() > max) {
            throw new InvalidRequestException(field, "is required: text of " + min + " to " + max + " characters");
        }
        return node.asString();
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ApiResponse<Void>> invalid(InvalidRequestException e) {
        return ResponseEntity.badRequest().body(ApiResponse.invalid(e.problems()));
    }
}
