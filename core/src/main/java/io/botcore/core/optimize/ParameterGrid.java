package io.botcore.core.optimize;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The candidate parameter sets of a search: the cartesian product of one list of values per parameter.
 *
 * <p>Syntax: comma-separated axes, each {@code name=from..to:step} (an inclusive range; {@code :step} defaults to
 * 1), {@code name=a|b|c} (a list) or {@code name=value}. Ranges are computed in decimal, so {@code k=1.5..2.5:0.5}
 * gives exactly {@code 1.5, 2.0, 2.5}; values are kept as text as the strategy reads them. Combination {@code i}
 * counts with the last axis fastest, so the order is the order of the text.
 *
 * <p>Immutable and thread-safe.
 */
public final class ParameterGrid {

    /** The most combinations a grid may describe; a larger search needs {@code --random}. */
    public static final long MAX_SIZE = 10_000_000L;

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    private static final Pattern RANGE = Pattern.compile("([^:|]+?)\\.\\.([^:|]+)(?::(.+))?");
    private static final int MAX_AXIS_VALUES = 100_000;

    private final List<Axis> axes;
    private final long size;

    private ParameterGrid(List<Axis> axes) {
        this.axes = List.copyOf(axes);
        long product = 1;
        for (Axis axis : axes) {
            product *= axis.values().size();
            if (product > MAX_SIZE) {
                throw new IllegalArgumentException("grid has more than " + MAX_SIZE + " combinations; narrow it or "
                        + "sample it with --random");
            }
        }
        this.size = product;
    }

    /**
     * One parameter and its values, in order.
     *
     * @param name   parameter name as the strategy reads it
     * @param values its candidate values as text, at least one, no duplicates
     */
    public record Axis(String name, List<String> values) {

        public Axis {
            Objects.requireNonNull(name, "name");
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("parameter " + name + " has no values");
            }
        }
    }

    /**
     * Parses the grid syntax described above.
     *
     * @throws IllegalArgumentException naming the part that is wrong and the expected form
     */
    public static ParameterGrid parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("grid is empty; expected e.g. period=7..28:7,oversold=20..35:5");
        }
        List<Axis> axes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String part : text.split(",", -1)) {
            String item = part.strip();
            int eq = item.indexOf('=');
            if (eq <= 0 || eq == item.length() - 1) {
                throw new IllegalArgumentException("grid part '" + item + "': expected name=from..to:step, "
                        + "name=a|b|c or name=value");
            }
            String name = item.substring(0, eq).strip();
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("grid part '" + item + "': '" + name + "' is not a parameter name");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("grid names parameter " + name + " twice");
            }
            axes.add(new Axis(name, values(item, item.substring(eq + 1).strip())));
        }
        return new ParameterGrid(axes);
    }

    private static List<String> values(String item, String spec) {
        Matcher range = RANGE.matcher(spec);
        if (range.matches()) {
            BigDecimal from = number(item, "from", range.group(1));
            BigDecimal to = number(item, "to", range.group(2));
            BigDecimal step = range.group(3) == null ? BigDecimal.ONE : number(item, "step", range.group(3));
            if (step.signum() <= 0) {
                throw new IllegalArgumentException("grid part '" + item + "': step must be > 0");
            }
            if (from.compareTo(to) > 0) {
                throw new IllegalArgumentException("grid part '" + item + "': from must not be above to");
            }
            List<String> values = new ArrayList<>();
            for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
                if (values.size() == MAX_AXIS_VALUES) {
                    throw new IllegalArgumentException("grid part '" + item + "': more than " + MAX_AXIS_VALUES
                            + " values");
                }
                values.add(v.toPlainString());
            }
            return values;
        }
        List<String> values = new ArrayList<>();
        for (String value : spec.split("\\|", -1)) {
            String v = value.strip();
            if (v.isEmpty() || v.contains("..")) {
                throw new IllegalArgumentException("grid part '" + item + "': expected name=from..to:step, "
                        + "name=a|b|c or name=value");
            }
            if (values.contains(v)) {
                throw new IllegalArgumentException("grid part '" + item + "': value " + v + " appears twice");
            }
            values.add(v);
        }
        return values;
    }

    private static BigDecimal number(String item, String role, String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("grid part '" + item + "': " + role + " '" + text.strip()
                    + "' is not a number", e);
        }
    }

    /** The parameters and their values, in the order of the text. */
    public List<Axis> axes() {
        return axes;
    }

    /** Number of combinations. */
    public long size() {
        return size;
    }

    /** Combination {@code index} (0-based, last axis fastest), as parameter name to value in axis order. */
    public Map<String, String> combination(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("combination " + index + " of " + size);
        }
        String[] chosen = new String[axes.size()];
        long rest = index;
        for (int a = axes.size() - 1; a >= 0; a--) {
            List<String> values = axes.get(a).values();
            chosen[a] = values.get((int) (rest % values.size()));
            rest /= values.size();
        }
        Map<String, String> combination = new LinkedHashMap<>();
        for (int a = 0; a < axes.size(); a++) {
            combination.put(axes.get(a).name(), chosen[a]);
        }
        return combination;
    }

    /** Every combination, in index order. */
    public List<Map<String, String>> all() {
        List<Map<String, String>> all = new ArrayList<>((int) size);
        for (long i = 0; i < size; i++) {
            all.add(combination(i));
        }
        return all;
    }

    /**
     * {@code count} distinct combinations drawn uniformly with {@link Random} seeded by {@code seed} (Floyd's
     * algorithm), in index order; the whole grid if it has no more than {@code count}. The same seed gives the same
     * sample on every JVM, because {@link Random}'s sequence is specified.
     */
    public List<Map<String, String>> sample(int count, long seed) {
        if (count <= 0) {
            throw new IllegalArgumentException("sample size must be > 0 but is " + count);
        }
        if (count >= size) {
            return all();
        }
        Random random = new Random(seed);
        Set<Long> picked = new HashSet<>();
        for (long j = size - count; j < size; j++) {
            long t = randomBelow(random, j + 1);
            picked.add(picked.contains(t) ? j : t);
        }
        return picked.stream().sorted().map(this::combination).toList();
    }

    /** Uniform in {@code [0, bound)}, without the modulo bias. */
    private static long randomBelow(Random random, long bound) {
        long bits;
        long value;
        do {
            bits = random.nextLong() >>> 1;
            value = bits % bound;
        } while (bits - value + (bound - 1) < 0);
        return value;
    }

    @Override
    public String toString() {
        return "ParameterGrid" + axes;
    }
}
