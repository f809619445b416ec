package io.botcore.exchange.binance;

import io.botcore.exchange.ExchangeBannedException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Binance's request-weight limit, shared by every caller in the process: before a request of weight
 * {@code w}, wait until the current minute has room for it; after each answer, take the exchange's own
 * count from {@code X-MBX-USED-WEIGHT-1M}. After a 418 every call is refused until the ban ends.
 *
 * <p>Thread-safe.
 */
public final class RequestWeightBudget {

    /** Binance spot's documented limit is 6,000 per minute; we stay well below it by default. */
    public static final int DEFAULT_LIMIT_PER_MINUTE = 1_200;

    private final int limitPerMinute;
    private final Clock clock;
    private final Sleeper sleeper;
    private long minute = -1;
    private int used;
    private Instant bannedUntil = Instant.EPOCH;

    /** How the budget waits; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public RequestWeightBudget(int limitPerMinute, Clock clock, Sleeper sleeper) {
        if (limitPerMinute < 1) {
            throw new IllegalArgumentException("limitPerMinute must be >= 1");
        }
        this.limitPerMinute = limitPerMinute;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public static RequestWeightBudget standard() {
        return new RequestWeightBudget(DEFAULT_LIMIT_PER_MINUTE, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    }

    /**
     * Blocks until {@code weight} fits in the current minute, then reserves it.
     *
     * @throws ExchangeBannedException while a ban is in force
     */
    public void acquire(int weight) throws InterruptedException {
        while (true) {
            Duration wait;
            synchronized (this) {
                Instant now = clock.instant();
                if (now.isBefore(bannedUntil)) {
                    throw new ExchangeBannedException("Binance banned this IP until " + bannedUntil
                            + " (HTTP 418); no request is sent before then", bannedUntil);
                }
                roll(now);
                if (used + weight <= limitPerMinute) {
                    used += weight;
                    return;
                }
                wait = Duration.ofMillis(60_000 - now.toEpochMilli() % 60_000 + 50);
            }
            sleeper.sleep(wait);
        }
    }

    /** Adopts the exchange's count for the current minute when it is higher than ours. */
    public synchronized void reportUsed(int usedWeight) {
        roll(clock.instant());
        used = Math.max(used, usedWeight);
    }

    /** After a 418: refuse everything until {@code until}. */
    public synchronized void banned(Instant until) {
        bannedUntil = until.isAfter(bannedUntil) ? until : bannedUntil;
    }

    /** Whether Binance's ban (HTTP 418) is still in force: no request may be sent now. */
    public synchronized boolean bannedNow() {
        return clock.instant().isBefore(bannedUntil);
    }

    public synchronized int usedThisMinute() {
        roll(clock.instant());
        return used;
    }

    public int limitPerMinute() {
        return limitPerMinute;
    }

    private void roll(Instant now) {
        long current = now.toEpochMilli() / 60_000;
        if (current != minute) {
            minute = current;
            used = 0;
        }
    }
}
