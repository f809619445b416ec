package io.botcore.app.cli;

import io.botcore.core.backtest.BuyAndHold;
import io.botcore.core.backtest.PerformanceMetrics;
import io.botcore.core.optimize.DeflatedSharpe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON shapes the research commands print and save. Maps keep insertion order and nothing depends on the clock
 * or the thread count, so the same command on the same data writes byte-identical JSON.
 */
final class ResultJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ResultJson() {
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** Writes {@code value} to {@code file}, creating its folder, with a final newline. */
    static void save(Path file, Object value) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, write(value) + System.lineSeparator());
    }

    static Map<String, Object> metrics(PerformanceMetrics m) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("initial_equity", m.initialEquity().toPlainString());
        metrics.put("final_equity", m.finalEquity().toPlainString());
        metrics.put("total_return", m.totalReturn());
        metrics.put("cagr", m.cagr());
        metrics.put("max_drawdown", m.maxDrawdown());
        metrics.put("max_drawdown_duration", m.maxDrawdownDuration().toString());
        metrics.put("sharpe", m.sharpe());
        metrics.put("sortino", m.sortino());
        metrics.put("calmar", m.calmar());
        metrics.put("trades", m.trades());
        metrics.put("win_rate", m.winRate());
        metrics.put("profit_factor", m.profitFactor());
        metrics.put("expectancy", m.expectancy().toPlainString());
        metrics.put("exposure", m.exposure());
        metrics.put("fees_paid", m.feesPaid().toPlainString());
        return metrics;
    }

    /** In a fixed key order: {@code Map.of} iterates in an order that changes from one JVM start to the next. */
    static Map<String, Object> buyAndHold(BuyAndHold hold) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total_return", hold.totalReturn());
        out.put("cagr", hold.cagr());
        out.put("max_drawdown", hold.maxDrawdown());
        out.put("sharpe", hold.sharpe());
        return out;
    }

    static Map<String, Object> deflatedSharpe(DeflatedSharpe dsr) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("probability", dsr.probability());
        out.put("sharpe_per_candle", dsr.sharpe());
        out.put("expected_max_sharpe_per_candle", dsr.expectedMaxSharpe());
        out.put("trials", dsr.trials());
        out.put("trial_sharpe_variance", dsr.trialSharpeVariance());
        out.put("observations", dsr.observations());
        out.put("skewness", dsr.skewness());
        out.put("kurtosis", dsr.kurtosis());
        return out;
    }
}
