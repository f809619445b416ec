package io.botcore.platform.cache;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers held in Redis ({@code REDIS_URL}), shared by every instance behind the load balancer. The
 * cache is never critical: when Redis cannot be reached a lookup is a miss and a write is dropped, the
 * connection is retried at most every 5 s, and health reports the cache as unreachable.
 */
final class RedisCache implements AnswerCache {

    private static final Logger log = LoggerFactory.getLogger(RedisCache.class);
    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(500);
    private static final long RECONNECT_INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();

    private final RedisClient client;
    private final String namespace;
    private final Duration maxTtl;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile long lastAttempt = System.nanoTime() - RECONNECT_INTERVAL_NANOS;
    private volatile boolean reachable;

    RedisCache(URI url, String namespace, Duration maxTtl) {
        this.client = RedisClient.create(url.toString());
        this.client.setDefaultTimeout(COMMAND_TIMEOUT);
        this.namespace = namespace;
        this.maxTtl = maxTtl;
    }

    @Override
    public Optional<byte[]> get(String key) {
        StatefulRedisConnection<String, byte[]> c = connection();
        if (c != null) {
            try {
                byte[] value = c.sync().get(namespace + key);
                reachable = true;
                (value == null ? misses : hits).incrementAndGet();
                return Optional.ofNullable(value);
            } catch (RedisException e) {
                failed(e);
            }
        }
        misses.incrementAndGet();
        return Optional.empty();
    }

    @Override
    public void put(String key, byte[] value, Duration ttl) {
        Duration bounded = ttl.compareTo(maxTtl) > 0 ? maxTtl : ttl;
        StatefulRedisConnection<String, byte[]> c = connection();
        if (c == null || bounded.toMillis() < 1) {
            return;
        }
        try {
            c.sync().set(namespace + key, value, SetArgs.Builder.px(bounded.toMillis()));
            reachable = true;
        } catch (RedisException e) {
            failed(e);
        }
    }

    @Override
    public CacheState state() {
        StatefulRedisConnection<String, byte[]> c = connection();
        if (c != null) {
            try {
                c.sync().ping();
                reachable = true;
            } catch (RedisException e) {
                failed(e);
            }
        }
        return new CacheState("redis", -1, -1, -1, maxTtl.toSeconds(), hits.get(), misses.get(), reachable);
    }

    private StatefulRedisConnection<String, byte[]> connection() {
        StatefulRedisConnection<String, byte[]> c = connection;
        if (c != null) {
            return c;
        }
        synchronized (this) {
            if (connection == null && System.nanoTime() - lastAttempt >= RECONNECT_INTERVAL_NANOS) {
                lastAttempt = System.nanoTime();
                try {
                    connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                    reachable = true;
                    log.info("cache connected to Redis");
                } catch (RedisException e) {
                    failed(e);
                }
            }
            return connection;
        }
    }

    private void failed(RedisException e) {
        if (reachable) {
            log.warn("cache: Redis unreachable, answering from the source until it returns: {}", e.getMessage());
        }
        reachable = false;
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, byte[]> c = connection;
        if (c != null) {
            c.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
