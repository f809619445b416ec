package io.botcore.ai.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How each feature was distributed over a model's training rows: decile bin edges, the share of training rows in
 * each bin, and the median. Serving compares the rows it sees with it (population stability index, {@link
 * #psi(int, double[])}) and uses the medians as the neutral value when it explains a prediction.
 *
 * <p>Bin {@code i} holds the values in {@code (edges[i-1], edges[i]]}; the first bin is open below, the last
 * above. Edges are distinct and ascending, so a feature with few distinct values (hour of day) has fewer bins.
 *
 * <p>Immutable and thread-safe.
 *
 * @param columns one entry per feature, in column order
 */
public record FeatureDistribution(List<Column> columns) {

    /** Quantile bins per feature when the values allow it. */
    public static final int BINS = 10;
    /** Floor of a bin's share in the PSI sum, so an empty bin gives a large but finite term. */
    static final double PSI_FLOOR = 1e-4;

    public FeatureDistribution {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("columns must not be empty");
        }
    }

    /**
     * One feature's training distribution.
     *
     * @param feature   column name, for example {@code ret_1}
     * @param edges     inner bin edges, ascending and distinct (possibly empty: one bin)
     * @param fractions share of training rows in each bin, {@code edges.size() + 1} values summing to 1
     * @param median    median of the training values
     */
    public record Column(String feature, List<Double> edges, List<Double> fractions, double median) {

        public Column {
            Objects.requireNonNull(feature, "feature");
            edges = List.copyOf(edges);
            fractions = List.copyOf(fractions);
            if (fractions.size() != edges.size() + 1) {
                throw new IllegalArgumentException(feature + ": " + edges.size() + " edges need "
                        + (edges.size() + 1) + " fractions but there are " + fractions.size());
            }
            for (int i = 1; i < edges.size(); i++) {
                if (!(edges.get(i) > edges.get(i - 1))) {
                    throw new IllegalArgumentException(feature + ": edges must ascend strictly but are " + edges);
                }
            }
        }

        /** The bin of {@code value}. */
        public int bin(double value) {
            int lo = 0;
            int hi = edges.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (value > edges.get(mid)) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    /**
     * The distribution of the columns of {@code rows} ({@link #BINS} quantile bins each).
     *
     * @throws IllegalArgumentException if there are no rows or a row's width differs from {@code names}
     */
    public static FeatureDistribution of(List<String> names, double[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("no rows");
        }
        List<Column> columns = new ArrayList<>(names.size());
        double[] values = new double[rows.length];
        for (int c = 0; c < names.size(); c++) {
            for (int r = 0; r < rows.length; r++) {
                if (rows[r].length != names.size()) {
                    throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values, expected "
                            + names.size());
                }
                values[r] = rows[r][c];
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            List<Double> edges = new ArrayList<>();
            for (int k = 1; k < BINS; k++) {
                double edge = sorted[(int) Math.min(sorted.length - 1, (long) k * sorted.length / BINS)];
                if (edges.isEmpty() || edge > edges.get(edges.size() - 1)) {
                    edges.add(edge);
                }
            }
            if (!edges.isEmpty() && edges.get(edges.size() - 1) >= sorted[sorted.length - 1]) {
                edges.remove(edges.size() - 1);
            }
            Column shape = new Column(names.get(c), edges, zeros(edges.size() + 1), 0);
            double[] counts = new double[edges.size() + 1];
            for (double v : values) {
                counts[shape.bin(v)]++;
            }
            List<Double> fractions = new ArrayList<>(counts.length);
            for (double count : counts) {
                fractions.add(count / values.length);
            }
            int n = sorted.length;
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            columns.add(new Column(names.get(c), edges, fractions, median));
        }
        return new FeatureDistribution(columns);
    }

    private static List<Double> zeros(int n) {
        return new ArrayList<>(java.util.Collections.nCopies(n, 0.0));
    }

    /** The medians, in column order. */
    public double[] medians() {
        return columns.stream().mapToDouble(Column::median).toArray();
    }

    /**
     * Population stability index of {@code values} against the training distribution of column {@code column}:
     * {@code sum over bins of (a - e) ln(a / e)}, with actual share {@code a} and training share {@code e} each
     * floored at 1e-4. Below 0.1 is usually read as stable, above 0.25 as a shift.
     *
     * @throws IllegalArgumentException if there are no values
     */
    public double psi(int column, double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        Column c = columns.get(column);
        double[] counts = new double[c.fractions().size()];
        for (double v : values) {
            counts[c.bin(v)]++;
        }
        double psi = 0;
        for (int b = 0; b < counts.length; b++) {
            double actual = Math.max(PSI_FLOOR, counts[b] / values.length);
            double expected = Math.max(PSI_FLOOR, c.fractions().get(b));
            psi += (actual - expected) * Math.log(actual / expected);
        }
        return psi;
    }

    /** As JSON values: {@code {feature: {edges, fractions, median}}}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (Column c : columns) {
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("edges", c.edges());
            column.put("fractions", c.fractions());
            column.put("median", c.median());
            map.put(c.feature(), column);
        }
        return map;
    }

    /**
     * Reads {@link #toMap()}'s output.
     *
     * @throws IllegalArgumentException if a field is missing or invalid
     */
    public static FeatureDistribution fromMap(Map<String, ?> map) {
        List<Column> columns = new ArrayList<>();
        map.forEach((feature, value) -> {
            if (!(value instanceof Map<?, ?> column)) {
                throw new IllegalArgumentException("training_distribution." + feature + " is not an object");
            }
            columns.add(new Column(feature, numbers(feature, column.get("edges")),
                    numbers(feature, column.get("fractions")), number(feature, column.get("median"))));
        });
        return new FeatureDistribution(columns);
    }

    private static List<Double> numbers(String feature, Object value) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("training_distribution." + feature + " lacks a list of numbers");
        }
        return list.stream().map(v -> number(feature, v)).toList();
    }

    private static double number(String feature, Object value) {
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException("training_distribution." + feature + " has a value that is not a "
                    + "number: " + value);
        }
        return n.doubleValue();
    }
}
