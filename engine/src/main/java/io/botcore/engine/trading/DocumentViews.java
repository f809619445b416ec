package io.botcore.engine.trading;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * Stored documents as the API shows them: {@code _id} as {@code id}, decimals as exact JSON numbers, dates as
 * RFC 3339 instants.
 */
final class DocumentViews {

    private DocumentViews() {
    }

    static Map<String, Object> view(Document doc) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : doc.entrySet()) {
            out.put(field.getKey().equals("_id") ? "id" : field.getKey(), value(field.getValue()));
        }
        return out;
    }

    static List<Map<String, Object>> views(List<Document> docs) {
        return docs.stream().map(DocumentViews::view).toList();
    }

    private static Object value(Object value) {
        if (value instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        if (value instanceof Date d) {
            return d.toInstant();
        }
        if (value instanceof Document d) {
            return view(d);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(value(item));
            }
            return out;
        }
        return value;
    }
}
