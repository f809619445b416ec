package io.botcore.ai.training;

import io.botcore.ai.evaluation.CalibrationCurve;
import io.botcore.ai.evaluation.ClassificationMetrics;
import io.botcore.ai.evaluation.Fold;
import io.botcore.ai.evaluation.IndicatorStrategies;
import io.botcore.ai.evaluation.LongFlatBacktest;
import io.botcore.ai.evaluation.TradingResult;
import io.botcore.ai.evaluation.WalkForwardPlan;
import io.botcore.ai.features.FeatureMatrix;
import io.botcore.ai.labels.Direction;
import io.botcore.ai.labels.Labels;
import io.botcore.ai.model.ModelSpec;
import io.botcore.ai.model.ModelTrainer;
import io.botcore.core.market.CandleSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a purged walk-forward: for each fold and model, trains on the fold's training bars and predicts its
 * test bars, then scores the pooled out-of-sample predictions against the baselines. The fold models are
 * trained {@link TrainingOptions#threads()} at a time; each is independent and seeded, so the result does not
 * depend on how many run at once or the order in which they finish.
 *
 * <p>Stateless and thread-safe.
 */
public final class WalkForward {

    private WalkForward() {
    }

    /**
     * Runs every fold of {@code plan}; {@code progress} goes from {@code progressFrom} to {@code progressTo}.
     *
     * @param candles  the series the features and labels were computed from
     * @param features its features
     * @param labels   its labels; every test bar of the plan must be labelled
     */
    public static WalkForwardResult run(CandleSeries candles, FeatureMatrix features, Labels labels,
            WalkForwardPlan plan, TrainingOptions options, TrainingProgress progress, double progressFrom,
            double progressTo) {
        int from = plan.outOfSampleFrom();
        int to = plan.outOfSampleTo();
        if (to > labels.size() || plan.folds().get(0).trainFrom() < features.firstComplete()) {
            throw new IllegalArgumentException("the plan covers bars [" + plan.folds().get(0).trainFrom() + ", " + to
                    + ") but features start at " + features.firstComplete() + " and labels end at " + labels.size());
        }
        List<String> names = FeatureMatrix.columnNames();
        List<ModelSpec> specs = options.models();
        double[][][] probabilities = new double[specs.size()][to - from][];
        double[][] baseline = new double[to - from][];
        List<Task> tasks = new ArrayList<>();
        for (Fold fold : plan.folds()) {
            if (fold.trainTo() - 1 + labels.spec().horizon() >= fold.testFrom()) {
                throw new IllegalArgumentException("fold " + fold.index() + " is not purged: its last training label "
                        + "looks at bar " + (fold.trainTo() - 1 + labels.spec().horizon()) + ", inside its test window "
                        + "from " + fold.testFrom());
            }
            double[] frequencies = frequencies(labels.range(fold.trainFrom(), fold.trainTo()));
            for (int t = fold.testFrom(); t < fold.testTo(); t++) {
                baseline[t - from] = frequencies;
            }
            for (int m = 0; m < specs.size(); m++) {
                tasks.add(new Task(fold, m, specs.get(m)));
            }
        }
        int threads = Math.min(tasks.size(), options.threads());
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "walk-forward");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<double[][]>> results = new ArrayList<>();
            for (Task task : tasks) {
                results.add(pool.submit(() -> ModelTrainer.train(task.spec(), names,
                        features.rows(task.fold().trainFrom(), task.fold().trainTo()),
                        labels.range(task.fold().trainFrom(), task.fold().trainTo()))
                        .predict(features.rows(task.fold().testFrom(), task.fold().testTo()))));
            }
            for (int i = 0; i < tasks.size(); i++) {
                Task task = tasks.get(i);
                double[][] predicted = await(results.get(i));
                System.arraycopy(predicted, 0, probabilities[task.model()], task.fold().testFrom() - from,
                        predicted.length);
                progress.update(progressFrom + (progressTo - progressFrom) * (i + 1) / tasks.size(),
                        String.format(Locale.ROOT, "fold %d/%d %s, %,d training rows", task.fold().index() + 1,
                                plan.folds().size(), task.spec().kind().code(), task.fold().trainSize()));
            }
        } finally {
            pool.shutdownNow();
        }
        progress.update(progressTo, "scoring " + (to - from) + " out-of-sample bars");
        Direction[] actual = labels.range(from, to);
        List<ModelEvaluation> evaluations = new ArrayList<>();
        for (int m = 0; m < specs.size(); m++) {
            double[][] p = probabilities[m];
            boolean[] wantLong = new boolean[p.length];
            for (int i = 0; i < p.length; i++) {
                wantLong[i] = p[i][Direction.UP.ordinal()] - p[i][Direction.DOWN.ordinal()] > options.signalThreshold();
            }
            TradingResult trading = LongFlatBacktest.run(specs.get(m).kind().code(), candles, from, to, wantLong,
                    options.feePerSide());
            evaluations.add(new ModelEvaluation(specs.get(m), p, ClassificationMetrics.of(actual, p),
                    CalibrationCurve.of(actual, p, options.calibrationBins()), trading));
        }
        return new WalkForwardResult(plan, actual, ClassificationMetrics.of(actual, baseline), evaluations,
                LongFlatBacktest.buyAndHold(candles, from, to, options.feePerSide()),
                IndicatorStrategies.run(candles, from, to, options.feePerSide()));
    }

    private static double[][] await(Future<double[][]> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("walk-forward interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("training a fold model failed", cause);
        }
    }

    /** Training one model of one fold. */
    private record Task(Fold fold, int model, ModelSpec spec) {
    }

    /** Share of each class among {@code labels}, in {@link Direction} order. */
    static double[] frequencies(Direction[] labels) {
        double[] out = new double[Direction.count()];
        for (Direction label : labels) {
            out[label.ordinal()]++;
        }
        for (int c = 0; c < out.length; c++) {
            out[c] /= labels.length;
        }
        return out;
    }
}
