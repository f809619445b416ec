package io.botcore.ai.training;

import io.botcore.ai.evaluation.ClassificationMetrics;
import io.botcore.ai.evaluation.Fold;
import io.botcore.ai.evaluation.TradingResult;
import io.botcore.ai.features.Feature;
import io.botcore.ai.labels.Direction;
import io.botcore.ai.registry.ModelMetadata;
import io.botcore.core.market.CandleSeries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Writes a training run's Markdown report ({@value #REPORT}) and its pictures ({@value #EQUITY_PNG},
 * {@value #CALIBRATION_PNG}) into one folder. The verdict section is built from the same numbers as the
 * tables, by {@link Verdict}.
 *
 * <p>Stateless and thread-safe.
 */
public final class TrainingReport {

    /** File name of the Markdown report. */
    public static final String REPORT = "report.md";
    /** File name of the equity-curve picture. */
    public static final String EQUITY_PNG = "equity.png";
    /** File name of the calibration picture. */
    public static final String CALIBRATION_PNG = "calibration.png";

    private TrainingReport() {
    }

    /** Writes the report of {@code result} into {@code folder} (created if missing); the report's path. */
    static Path write(Path folder, CandleSeries candles, TrainingResult result) throws IOException {
        Files.createDirectories(folder);
        WalkForwardResult wf = result.walkForward();
        String market = result.symbol() + " " + result.interval().code();
        List<TradingResult> curves = new ArrayList<>();
        wf.models().forEach(m -> curves.add(m.trading()));
        curves.add(wf.buyAndHold());
        curves.add(wf.bestIndicator());
        ReportCharts.equity(folder.resolve(EQUITY_PNG), market + ": out-of-sample equity, fees included", curves);
        ReportCharts.calibration(folder.resolve(CALIBRATION_PNG), market + ": calibration (one-vs-rest, pooled)",
                wf.models().stream().map(ModelEvaluation::name).toList(),
                wf.models().stream().map(ModelEvaluation::calibration).toList());
        Path report = folder.resolve(REPORT);
        Files.writeString(report, markdown(candles, result), StandardCharsets.UTF_8);
        return report;
    }

    static String markdown(CandleSeries candles, TrainingResult result) {
        WalkForwardResult wf = result.walkForward();
        TrainingOptions o = result.options();
        StringBuilder md = new StringBuilder();
        md.append("# Training report: ").append(result.symbol()).append(' ').append(result.interval().code())
                .append("\n\n");
        line(md, "Data: %,d candles, %s .. %s (open times, UTC), %d gaps.", candles.size(),
                time(candles.firstOpenTime()), time(candles.lastOpenTime()), candles.gaps().size());
        line(md, "Labels: direction of the close %d bars ahead; FLAT when |return| <= %.4f %%.", o.label().horizon(),
                100 * o.label().flatThreshold());
        line(md, "Features (%d): %s.", Feature.values().length,
                String.join(", ", Arrays.stream(Feature.values()).map(Feature::column).toList()));
        line(md, "Walk-forward: %d folds, %s training window (first fold %,d bars), test windows of %,d bars, "
                + "embargo %d bars between training end and test start; out of sample: %,d bars, %s .. %s.",
                wf.plan().folds().size(), o.trainBars() == 0 ? "expanding" : "rolling " + o.trainBars() + "-bar",
                o.minTrainBars(), o.testBars(), o.embargoBars(), wf.plan().outOfSampleSize(),
                time(candles.openTime(wf.plan().outOfSampleFrom())),
                time(candles.openTime(wf.plan().outOfSampleTo() - 1)));
        line(md, "Time: walk-forward %.1f s, final models %.1f s.", result.walkForwardTime().toMillis() / 1000.0,
                result.finalTrainTime().toMillis() / 1000.0);
        md.append('\n');

        md.append("## Verdict\n\n");
        for (Verdict verdict : wf.verdicts()) {
            md.append("- ").append(verdict.text()).append('\n');
        }
        md.append("- Promotion: ").append(result.promotionNote()).append("\n\n");

        md.append("## Out-of-sample classification\n\n");
        int[] counts = wf.baseline().classCounts();
        line(md, "Actual classes: DOWN %,d, FLAT %,d, UP %,d.", counts[0], counts[1], counts[2]);
        md.append('\n');
        md.append("| model | accuracy | log loss | Brier | AUC (macro, one-vs-rest) |\n|---|---:|---:|---:|---:|\n");
        for (ModelEvaluation m : wf.models()) {
            metricsRow(md, m.name(), m.metrics());
        }
        metricsRow(md, "constant-class baseline", wf.baseline());
        md.append("\n| model | class | precision | recall | AUC |\n|---|---|---:|---:|---:|\n");
        for (ModelEvaluation m : wf.models()) {
            for (Direction d : Direction.values()) {
                line(md, "| %s | %s | %s | %s | %s |", m.name(), d, num(m.metrics().precision()[d.ordinal()]),
                        num(m.metrics().recall()[d.ordinal()]), num(m.metrics().auc()[d.ordinal()]));
            }
        }
        md.append('\n');

        md.append("## Out-of-sample trading\n\n");
        line(md, "Long while P(UP) - P(DOWN) > %.4f, flat otherwise; decided at a bar's close, filled at the next "
                + "bar's open; %.3f %% fee per side; all in or all out, fractional units; double accounting of "
                + "a growth factor (start 1.0). Buy-and-hold and the single-indicator strategies (the core's, "
                + "default parameters, long from BUY to SELL) trade the same bars with the same fills and fees.",
                o.signalThreshold(), 100 * o.feePerSide());
        md.append('\n');
        md.append("| strategy | total return | return without fees | max drawdown | trades | time in market |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        for (ModelEvaluation m : wf.models()) {
            tradingRow(md, m.name() + " strategy", m.trading());
        }
        tradingRow(md, "buy and hold", wf.buyAndHold());
        for (TradingResult indicator : wf.indicators()) {
            String mark = indicator == wf.bestIndicator() ? " (best indicator, hindsight)" : "";
            tradingRow(md, indicator.name() + mark, indicator);
        }
        md.append("\n![equity curves](").append(EQUITY_PNG).append(")\n\n");

        md.append("## Calibration\n\n");
        md.append("Pooled one-vs-rest: each (bar, class) pair is one prediction of the event \"the bar is of that "
                + "class\".\n\n| model | bin | predictions | mean predicted | observed |\n|---|---|---:|---:|---:|\n");
        for (ModelEvaluation m : wf.models()) {
            for (var bin : m.calibration().bins()) {
                line(md, "| %s | %.1f-%.1f | %,d | %.4f | %.4f |", m.name(), bin.lower(), bin.upper(), bin.count(),
                        bin.meanPredicted(), bin.observed());
            }
            line(md, "| %s | expected calibration error | | %.4f | |", m.name(),
                    m.calibration().expectedCalibrationError());
        }
        md.append("\n![calibration](").append(CALIBRATION_PNG).append(")\n\n");

        md.append("## Walk-forward folds\n\n| fold | train | test | train rows | test rows |\n"
                + "|---:|---|---|---:|---:|\n");
        for (Fold f : wf.plan().folds()) {
            line(md, "| %d | %s .. %s | %s .. %s | %,d | %,d |", f.index() + 1, time(candles.openTime(f.trainFrom())),
                    time(candles.openTime(f.trainTo() - 1)), time(candles.openTime(f.testFrom())),
                    time(candles.openTime(f.testTo() - 1)), f.trainSize(), f.testSize());
        }
        md.append('\n');

        md.append("## Registered models\n\nTrained on every labelled bar; the metrics stored with them are the "
                + "walk-forward ones above.\n\n| version | kind | training window | rows | sha256 |\n"
                + "|---|---|---|---:|---|\n");
        for (ModelMetadata meta : result.registered()) {
            line(md, "| %s | %s | %s .. %s | %,d | `%s` |", meta.version(), meta.description().kind().code(),
                    meta.description().trainFrom(), meta.description().trainTo(), meta.description().trainRows(),
                    meta.sha256());
        }
        return md.toString();
    }

    private static void metricsRow(StringBuilder md, String name, ClassificationMetrics m) {
        line(md, "| %s | %.4f | %.5f | %.5f | %s |", name, m.accuracy(), m.logLoss(), m.brier(), num(m.aucMacro()));
    }

    private static void tradingRow(StringBuilder md, String name, TradingResult t) {
        line(md, "| %s | %+.2f %% | %+.2f %% | %.2f %% | %,d | %.1f %% |", name, 100 * t.totalReturn(),
                100 * t.grossReturn(), 100 * t.maxDrawdown(), t.trades(), 100 * t.exposure());
    }

    private static String num(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String time(long millis) {
        return Instant.ofEpochMilli(millis).toString().replace(":00Z", "Z").replace('T', ' ');
    }

    private static void line(StringBuilder md, String format, Object... args) {
        md.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
