package io.botcore.platform.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a raw configuration value and says what it expected when the value is wrong.
 *
 * @param <T> the parsed type
 */
public interface ValueParser<T> {

    /**
     * @param raw a TOML/YAML scalar (String, Long, Integer, Double, Boolean) or an environment string
     * @return the parsed value
     * @throws IllegalArgumentException when the value does not meet {@link #expected()}
     */
    T parse(Object raw);

    /** What a valid value looks like, for error messages: "an integer from 1 to 1024". */
    String expected();

    static ValueParser<Integer> intRange(int min, int max) {
        return new ValueParser<>() {
            @Override
            public Integer parse(Object raw) {
                long value = toLong(raw, expected());
                if (value < min || value > max) {
                    throw new IllegalArgumentException(expected());
                }
                return (int) value;
            }

            @Override
            public String expected() {
                return "an integer from " + min + " to " + max;
            }
        };
    }

    /** Whole seconds from {@code min} to {@code max}. */
    static ValueParser<Duration> seconds(long min, long max) {
        return new ValueParser<>() {
            @Override
            public Duration parse(Object raw) {
                long value = toLong(raw, expected());
                if (value < min || value > max) {
                    throw new IllegalArgumentException(expected());
                }
                return Duration.ofSeconds(value);
            }

            @Override
            public String expected() {
                return "a number of seconds from " + min + " to " + max;
            }
        };
    }

    /** A byte size such as {@code "1GB"}, {@code "512MB"}, {@code "64KB"} or a plain number of bytes. */
    static ValueParser<Long> byteSize(long min, long max) {
        Pattern pattern = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB)?", Pattern.CASE_INSENSITIVE);
        return new ValueParser<>() {
            @Override
            public Long parse(Object raw) {
                Matcher m = pattern.matcher(String.valueOf(raw).trim());
                if (!m.matches()) {
                    throw new IllegalArgumentException(expected());
                }
                long unit = switch (m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT)) {
                    case "KB" -> 1L << 10;
                    case "MB" -> 1L << 20;
                    case "GB" -> 1L << 30;
                    default -> 1L;
                };
                long bytes;
                try {
                    bytes = Math.multiplyExact(Long.parseLong(m.group(1)), unit);
                } catch (ArithmeticException | NumberFormatException e) {
                    throw new IllegalArgumentException(expected());
                }
                if (bytes < min || bytes > max) {
                    throw new IllegalArgumentException(expected());
                }
                return bytes;
            }

            @Override
            public String expected() {
                return "a size such as \"1GB\", \"512MB\" or \"64KB\" between " + min + " and " + max + " bytes";
            }
        };
    }

    static ValueParser<Boolean> bool() {
        return new ValueParser<>() {
            @Override
            public Boolean parse(Object raw) {
                if (raw instanceof Boolean b) {
                    return b;
                }
                return switch (String.valueOf(raw).trim().toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "1", "on" -> true;
                    case "false", "no", "0", "off" -> false;
                    default -> throw new IllegalArgumentException(expected());
                };
            }

            @Override
            public String expected() {
                return "true or false";
            }
        };
    }

    static ValueParser<String> oneOf(List<String> allowed) {
        return new ValueParser<>() {
            @Override
            public String parse(Object raw) {
                String value = String.valueOf(raw).trim().toLowerCase(Locale.ROOT);
                if (!allowed.contains(value)) {
                    throw new IllegalArgumentException(expected());
                }
                return value;
            }

            @Override
            public String expected() {
                return "one of " + String.join(", ", allowed);
            }
        };
    }

    static ValueParser<String> text(int minLength) {
        return new ValueParser<>() {
            @Override
            public String parse(Object raw) {
                if (!(raw instanceof String s) || s.length() < minLength) {
                    throw new IllegalArgumentException(expected());
                }
                return s;
            }

            @Override
            public String expected() {
                return minLength <= 1 ? "a non-empty string" : "a string of at least " + minLength + " characters";
            }
        };
    }

    /** An absolute URI whose scheme is one of {@code schemes}. */
    static ValueParser<URI> uri(String... schemes) {
        List<String> allowed = List.of(schemes);
        return new ValueParser<>() {
            @Override
            public URI parse(Object raw) {
                URI uri;
                try {
                    uri = new URI(String.valueOf(raw).trim());
                } catch (java.net.URISyntaxException e) {
                    throw new IllegalArgumentException(expected());
                }
                if (uri.getScheme() == null || !allowed.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                        || uri.getRawAuthority() == null) {
                    throw new IllegalArgumentException(expected());
                }
                return uri;
            }

            @Override
            public String expected() {
                return "a URL starting with " + String.join("://, ", allowed) + "://";
            }
        };
    }

    /** A comma-separated list of absolute http(s) origins such as {@code https://desk.example.com}; may be empty. */
    static ValueParser<List<String>> origins() {
        ValueParser<URI> url = uri("http", "https");
        return new ValueParser<>() {
            @Override
            public List<String> parse(Object raw) {
                List<String> out = new java.util.ArrayList<>();
                for (String part : String.valueOf(raw).split(",")) {
                    String origin = part.trim();
                    if (origin.isEmpty()) {
                        continue;
                    }
                    URI parsed = url.parse(origin);
                    if (parsed.getRawPath() != null && !parsed.getRawPath().isEmpty()) {
                        throw new IllegalArgumentException(expected());
                    }
                    out.add(origin);
                }
                return List.copyOf(out);
            }

            @Override
            public String expected() {
                return "comma-separated origins such as \"https://desk.example.com,http://localhost:3000\" (no path)";
            }
        };
    }

    /** A decimal number from {@code min} to {@code max}. */
    static ValueParser<Double> number(double min, double max) {
        return new ValueParser<>() {
            @Override
            public Double parse(Object raw) {
                double value;
                try {
                    value = raw instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(raw).trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(expected(), e);
                }
                if (!(value >= min && value <= max)) {
                    throw new IllegalArgumentException(expected());
                }
                return value;
            }

            @Override
            public String expected() {
                return "a number from " + min + " to " + max;
            }
        };
    }

    /**
     * Exchange symbols such as {@code BTCUSDT,ETHUSDT}: a comma-separated string or a TOML array of 2 to 20
     * upper-case letters or digits each, at least one, no repeats.
     */
    static ValueParser<List<String>> symbols() {
        return new ValueParser<>() {
            @Override
            public List<String> parse(Object raw) {
                Iterable<?> parts = raw instanceof List<?> list ? list : List.of(String.valueOf(raw).split(","));
                java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
                for (Object part : parts) {
                    String symbol = String.valueOf(part).trim();
                    if (!symbol.matches("[A-Z0-9]{2,20}") || !out.add(symbol)) {
                        throw new IllegalArgumentException(expected());
                    }
                }
                if (out.isEmpty()) {
                    throw new IllegalArgumentException(expected());
                }
                return List.copyOf(out);
            }

            @Override
            public String expected() {
                return "symbols such as \"BTCUSDT,ETHUSDT\" (upper-case letters and digits, no repeats)";
            }
        };
    }

    /** A comma-separated list of IPv4/IPv6 address literals (no host names); may be empty. */
    static ValueParser<List<String>> addresses() {
        return new ValueParser<>() {
            @Override
            public List<String> parse(Object raw) {
                List<String> out = new java.util.ArrayList<>();
                for (String part : String.valueOf(raw).split(",")) {
                    String address = part.trim().toLowerCase(Locale.ROOT);
                    if (address.isEmpty()) {
                        continue;
                    }
                    if (!address.matches("(\\d{1,3}\\.){3}\\d{1,3}|[0-9a-f:]*:[0-9a-f:]*")) {
                        throw new IllegalArgumentException(expected());
                    }
                    out.add(address);
                }
                return List.copyOf(out);
            }

            @Override
            public String expected() {
                return "comma-separated IP addresses such as \"127.0.0.1,::1\"";
            }
        };
    }

    private static long toLong(Object raw, String expected) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(expected);
            }
        }
        throw new IllegalArgumentException(expected);
    }
}
