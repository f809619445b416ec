package io.botcore.ai.analysis;

import io.botcore.core.market.Candle;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.market.InvalidCandleException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of the analysis requests from JSON, naming the field and the rule on every failure. Candles
 * come in either shape the original system used: the engine's ({@code open_time, close_time, open, ...}) or the
 * AI service's ({@code timestamp, open, ...}); numbers may be JSON numbers or numeric strings (as Binance sends
 * them); the list may be oldest or newest first.
 *
 * <p>Stateless and thread-safe.
 */
final class RequestFields {

    /** Most candles one timeframe may carry. */
    static final int MAX_CANDLES = 5_000;
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,20}");

    private RequestFields() {
    }

    static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("body", "must be a JSON object");
        }
        return body;
    }

    static String symbol(JsonNode body) {
        JsonNode node = body.get("symbol");
        if (node == null || !node.isString() || !SYMBOL.matcher(node.asString()).matches()) {
            throw new InvalidRequestException("symbol", "is required: 2 to 20 upper-case letters or digits, "
                    + "for example BTCUSDT");
        }
        return node.asString();
    }

    /** An optional number that must be positive when given. */
    static void optionalPositive(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node != null && !node.isNull() && !(number(node) > 0)) {
            throw new InvalidRequestException(field, "must be a number > 0 when given");
        }
    }

    /**
     * The candles of {@code interval} in {@code timeframe_data}, oldest first.
     *
     * @throws InvalidRequestException if {@code timeframe_data} is missing, lacks {@code interval}, or a candle is
     *                                 malformed
     */
    static CandleSeries candles(JsonNode body, Interval interval) {
        JsonNode data = body.get("timeframe_data");
        if (data == null || !data.isObject() || data.isEmpty()) {
            throw new InvalidRequestException("timeframe_data", "is required: an object of candle lists by "
                    + "timeframe, for example {\"" + interval.code() + "\": [...]}");
        }
        JsonNode list = data.get(interval.code());
        if (list == null) {
            throw new InvalidRequestException("timeframe_data", "must hold " + interval.code() + " candles (the "
                    + "active model's timeframe) but has only " + data.propertyNames());
        }
        String field = "timeframe_data." + interval.code();
        if (!list.isArray()) {
            throw new InvalidRequestException(field, "must be a list of candles");
        }
        if (list.size() > MAX_CANDLES) {
            throw new InvalidRequestException(field, "at most " + MAX_CANDLES + " candles, got " + list.size());
        }
        List<Candle> candles = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            candles.add(candle(field + "[" + i + "]", list.get(i)));
        }
        candles.sort(Comparator.comparingLong(Candle::openTime));
        for (int i = 1; i < candles.size(); i++) {
            if (candles.get(i).openTime() == candles.get(i - 1).openTime()) {
                throw new InvalidRequestException(field, "two candles open at " + candles.get(i).openInstant());
            }
        }
        try {
            return CandleSeries.of(interval, candles);
        } catch (InvalidCandleException e) {
            throw new InvalidRequestException(field, e.getMessage());
        }
    }

    private static Candle candle(String field, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidRequestException(field, "must be a candle object");
        }
        String timeField = node.has("open_time") ? "open_time" : "timestamp";
        JsonNode time = node.get(timeField);
        if (time == null || !time.isIntegralNumber() || time.asLong() < 0) {
            throw new InvalidRequestException(field + ".open_time", "is required (or timestamp): the open time in "
                    + "epoch milliseconds, a whole number >= 0");
        }
        double open = required(field, node, "open");
        double high = required(field, node, "high");
        double low = required(field, node, "low");
        double close = required(field, node, "close");
        double volume = required(field, node, "volume");
        try {
            return new Candle(time.asLong(), open, high, low, close, volume);
        } catch (InvalidCandleException e) {
            throw new InvalidRequestException(field + "." + e.field().name().toLowerCase(java.util.Locale.ROOT), e.problem());
        }
    }

    private static double required(String field, JsonNode candle, String name) {
        JsonNode node = candle.get(name);
        double value = node == null ? Double.NaN : number(node);
        if (!Double.isFinite(value)) {
            throw new InvalidRequestException(field + "." + name, "is required: a finite number");
        }
        return value;
    }

    /** A JSON number or a numeric string; NaN otherwise. */
    private static double number(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isString()) {
            try {
                return Double.parseDouble(node.asString().strip());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }
}
