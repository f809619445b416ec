package io.botcore.bench;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code ./bot-core bench}: runs the JMH benchmarks and prints one table with our time, the reference's time on
 * the same data in the same run, the ratio and our throughput in candles per second. JSON results go to
 * {@code bench/target/jmh-result.json}. {@code --quick} runs fewer and shorter iterations. {@code --latency} runs
 * the {@link OrderLatencyDriver} instead.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        if (List.of(args).contains("--latency")) {
            OrderLatencyDriver.main(args);
            return;
        }
        boolean quick = false;
        String include = ".*Benchmark.*";
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (!arg.startsWith("-")) {
                include = arg;
            }
        }
        int candles = BenchData.minuteCandles().size();
        System.out.printf("Bot Core benchmarks on %,d real BTCUSDT 1m candles (%s), %d cores%n%n", candles,
                BenchData.source(), Runtime.getRuntime().availableProcessors());
        ChainedOptionsBuilder options = new OptionsBuilder().include(include)
                .resultFormat(ResultFormatType.JSON).result(BenchData.root().resolve("bench/target/jmh-result.json").toString());
        if (quick) {
            options.warmupIterations(2).warmupTime(TimeValue.seconds(1)).measurementIterations(3)
                    .measurementTime(TimeValue.seconds(1));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        print(results, candles);
    }

    private static void print(Collection<RunResult> results, int candles) {
        Map<String, double[]> rows = new LinkedHashMap<>();
        Map<String, Double> errors = new LinkedHashMap<>();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            String cls = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1,
                    benchmark.lastIndexOf('.'));
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String param = result.getParams().getParamsKeys().stream().map(k -> result.getParams().getParam(k))
                    .reduce((a, b) -> a + "," + b).orElse("");
            String row = cls + (param.isEmpty() ? "" : " " + param);
            double ms = result.getPrimaryResult().getScore();
            double[] pair = rows.computeIfAbsent(row, k -> new double[] {Double.NaN, Double.NaN});
            if (method.equals("ta4j")) {
                pair[1] = ms;
            } else {
                pair[0] = ms;
                errors.put(row, result.getPrimaryResult().getScoreError());
            }
        }
        String format = "%-28s %12s %12s %9s %16s%n";
        System.out.println();
        System.out.printf(format, "benchmark", "Bot Core ms", "ta4j ms", "speed-up", "candles/s");
        for (Map.Entry<String, double[]> e : rows.entrySet()) {
            double ours = e.getValue()[0];
            double ref = e.getValue()[1];
            System.out.printf(format, e.getKey(), String.format("%.2f ±%.2f", ours, errors.getOrDefault(e.getKey(), 0.0)),
                    Double.isNaN(ref) ? "-" : String.format("%.2f", ref),
                    Double.isNaN(ref) ? "-" : String.format("%.1fx", ref / ours),
                    String.format("%,.0f", candles / (ours / 1000.0)));
        }
    }
}
