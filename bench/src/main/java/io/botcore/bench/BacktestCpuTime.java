package io.botcore.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The full-backtest comparison of {@link BacktestBenchmark} measured in CPU time of the running thread rather than
 * wall time: on a machine whose cores are shared with other work, wall time mostly measures the wait for a core,
 * while the thread's CPU time measures the work. Runs ours and ta4j alternately, {@code rounds} times each after
 * as many warm-up rounds, on the same candles in the same JVM, and prints the median of each, the ratio and our
 * candles per CPU second; then the same for the CPU time of the whole process over each run, which includes the
 * garbage collector's threads (and any compiler work left after the warm-up).
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.botcore.bench.BacktestCpuTime [rounds]} (default 5).
 */
public final class BacktestCpuTime {

    /** Where each run's result goes, so that the JIT cannot drop the work. */
    private static volatile Object sink;

    private BacktestCpuTime() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be >= 1 but is " + rounds);
        }
        BacktestBenchmark benchmark = new BacktestBenchmark();
        benchmark.load();
        int candles = BenchData.minuteCandles().size();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf("Full RSI backtest on %,d real BTCUSDT 1m candles (%s); thread CPU time, %d warm-up"
                + " + %d measured rounds each%n", candles, BenchData.source(), rounds, rounds);
        for (int i = 0; i < rounds; i++) {
            cpuMillis(threads, benchmark::botCore);
            cpuMillis(threads, benchmark::ta4j);
        }
        double[][] ours = new double[2][rounds];
        double[][] theirs = new double[2][rounds];
        for (int i = 0; i < rounds; i++) {
            measure(threads, benchmark::botCore, ours, i);
            measure(threads, benchmark::ta4j, theirs, i);
        }
        report("thread CPU", ours[0], theirs[0], candles);
        report("process CPU", ours[1], theirs[1], candles);
    }

    private static void report(String clock, double[] ours, double[] theirs, int candles) {
        double oursMedian = median(ours);
        double theirsMedian = median(theirs);
        System.out.printf("%s: Bot Core median %.1f ms %s, ta4j median %.1f ms %s: speed-up %.1fx, Bot Core %.2f M"
                + " candles per CPU second%n", clock, oursMedian, Arrays.toString(ours), theirsMedian,
                Arrays.toString(theirs), theirsMedian / oursMedian, candles / oursMedian / 1000.0);
    }

    private static void measure(ThreadMXBean threads, Supplier<Object> run, double[][] into, int round) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long process = os.getProcessCpuTime();
        into[0][round] = cpuMillis(threads, run);
        into[1][round] = Math.round((os.getProcessCpuTime() - process) / 100_000.0) / 10.0;
    }

    private static double cpuMillis(ThreadMXBean threads, Supplier<Object> run) {
        long start = threads.getCurrentThreadCpuTime();
        sink = run.get();
        return Math.round((threads.getCurrentThreadCpuTime() - start) / 100_000.0) / 10.0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
