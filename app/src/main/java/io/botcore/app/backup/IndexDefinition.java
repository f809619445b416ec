package io.botcore.app.backup;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.bson.Document;

/**
 * An index as a backup manifest records it and as {@code verify-backup} compares it: name, key pattern in
 * order, and the options that change behaviour. Key values are normalised ({@code 1}, {@code 1L} and
 * {@code 1.0} are the same direction).
 *
 * @param name index name
 * @param key field to direction or type ({@code 1}, {@code -1}, {@code "text"}, ...), in key order
 * @param unique unique index
 * @param sparse sparse index
 * @param expireAfterSeconds TTL, or {@code null}
 */
public record IndexDefinition(String name, Map<String, Object> key, boolean unique, boolean sparse,
        Long expireAfterSeconds) {

    public IndexDefinition {
        Objects.requireNonNull(name, "name");
        Map<String, Object> normalised = new LinkedHashMap<>();
        key.forEach((field, value) -> normalised.put(field, normalise(value)));
        key = normalised;
    }

    /** From an index document as {@code listIndexes} returns it. */
    public static IndexDefinition of(Document index) {
        Number ttl = index.get("expireAfterSeconds", Number.class);
        Document key = index.get("key", Document.class);
        return new IndexDefinition(index.getString("name"), key == null ? Map.of() : key,
                Boolean.TRUE.equals(index.get("unique")), Boolean.TRUE.equals(index.get("sparse")),
                ttl == null ? null : ttl.longValue());
    }

    /** The options {@code createIndexes} needs to build this index again. */
    public Document spec() {
        Document spec = new Document("key", new Document(key)).append("name", name);
        if (unique) {
            spec.append("unique", true);
        }
        if (sparse) {
            spec.append("sparse", true);
        }
        if (expireAfterSeconds != null) {
            spec.append("expireAfterSeconds", expireAfterSeconds);
        }
        return spec;
    }

    @Override
    public String toString() {
        return name + " " + key + (unique ? " unique" : "") + (sparse ? " sparse" : "")
                + (expireAfterSeconds == null ? "" : " ttl=" + expireAfterSeconds + "s");
    }

    private static Object normalise(Object value) {
        if (value instanceof Number n) {
            BigDecimal d = new BigDecimal(n.toString()).stripTrailingZeros();
            return d.scale() <= 0 ? (Object) d.longValueExact() : (Object) d.doubleValue();
        }
        return value;
    }
}
