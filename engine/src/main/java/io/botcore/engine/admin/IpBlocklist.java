package io.botcore.engine.admin;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.bson.Document;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Addresses and CIDR ranges refused on every engine: stored in {@code ip_blocks}, reloaded by every
 * engine every second, so a block from the CLI or the API is in force everywhere at once and survives
 * restarts. Matching is Spring Security's {@link IpAddressMatcher} (IPv4 and IPv6).
 *
 * <p>Thread-safe.
 */
public final class IpBlocklist {

    private final MongoCollection<Document> blocks;
    private final Clock clock;
    private volatile List<IpAddressMatcher> matchers = List.of();

    public IpBlocklist(MongoDatabase database, Clock clock) {
        this.blocks = database.getCollection("ip_blocks");
        this.clock = clock;
    }

    /**
     * Normalises and checks an address or CIDR range.
     *
     * @throws IllegalArgumentException naming the rule when it is neither
     */
    public static String parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (!v.matches("[0-9a-f:.]+(/\\d{1,3})?")) {
            throw new IllegalArgumentException("must be an IPv4/IPv6 address or CIDR range, e.g. 203.0.113.7 or 203.0.113.0/24");
        }
        try {
            new IpAddressMatcher(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be an IPv4/IPv6 address or CIDR range: " + e.getMessage());
        }
        return v;
    }

    public void block(String range, String reason, String actor) {
        String r = parse(range);
        blocks.replaceOne(Filters.eq("_id", r), new Document("_id", r).append("reason", reason).append("by", actor)
                .append("at", Date.from(clock.instant())), new ReplaceOptions().upsert(true));
        reload();
    }

    /** @return true when the range was blocked */
    public boolean unblock(String range) {
        boolean removed = blocks.deleteOne(Filters.eq("_id", parse(range))).getDeletedCount() == 1;
        reload();
        return removed;
    }

    public List<Document> list() {
        return blocks.find().sort(new Document("_id", 1)).into(new ArrayList<>());
    }

    /** Reads the stored list into memory (every second, and after each change). */
    public void reload() {
        List<IpAddressMatcher> loaded = new ArrayList<>();
        for (Document doc : blocks.find()) {
            loaded.add(new IpAddressMatcher(doc.getString("_id")));
        }
        matchers = List.copyOf(loaded);
    }

    public boolean isBlocked(String address) {
        for (IpAddressMatcher matcher : matchers) {
            try {
                if (matcher.matches(address)) {
                    return true;
                }
            } catch (IllegalArgumentException notAnAddress) {
                return false;
            }
        }
        return false;
    }
}
