package io.botcore.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.botcore.core.market.Candle;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.exchange.fake.FakeBinanceServer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Recorded real BTCUSDT hours through the fake's kline stream, with the connection dropped mid-candle. */
class BinanceKlineStreamTest {

    private static final long HOUR = Interval.H1.millis();
    private static final CandleSeries RECORDED = RecordedPrices.btcusdtHourly()
            .between(Instant.parse("2024-01-01T00:00:00Z").toEpochMilli(), Instant.parse("2024-01-02T00:00:00Z")
                    .toEpochMilli());

    /** The market's time: set by the test as the recorded hours pass. */
    private static final class MarketClock extends Clock {
        volatile long now;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now);
        }
    }

    private final FakeBinanceServer fake = FakeBinanceServer.start(0, Clock.systemUTC());
    private final MarketClock market = new MarketClock();
    private final List<Candle> delivered = new CopyOnWriteArrayList<>();
    private BinanceKlineStream stream;

    @AfterEach
    void stop() {
        if (stream != null) {
            stream.close();
        }
        fake.close();
    }

    private BinanceKlineStream start(Duration rollover) {
        fake.serveKlines("BTCUSDT", RecordedPrices.btcusdtHourly());
        market.now = RECORDED.openTime(0);
        BinanceRestClient rest = new BinanceRestClient(fake.baseUrl(), Duration.ofSeconds(2),
                RequestWeightBudget.standard());
        stream = new BinanceKlineStream(rest, fake.streams().baseUrl(), List.of("BTCUSDT"), Interval.H1,
                Map.of("BTCUSDT", RECORDED.openTime(0) - HOUR), (symbol, candle) -> delivered.add(candle),
                new BinanceKlineStream.Settings(Duration.ofMillis(50), Duration.ofMillis(400), rollover,
                        Duration.ofMillis(2500)), market);
        stream.start();
        Eventually.await("stream connected", Duration.ofSeconds(5), () -> fake.streams().marketConnections() == 1
                && stream.status().connected());
        return stream;
    }

    /** The market trades through candle {@code i}: an update mid-candle, then its close. */
    private void play(int i) {
        Candle c = RECORDED.candle(i);
        market.now = c.openTime() + HOUR / 2;
        fake.streams().pushKline("BTCUSDT", Interval.H1, new Candle(c.openTime(), c.open(), c.open(), c.open(),
                c.open(), 0), market.now, false);
        market.now = c.openTime() + HOUR;
        fake.streams().pushKline("BTCUSDT", Interval.H1, c, market.now, true);
    }

    @Test
    void shouldBackFillTheCandlesMissedWhileDisconnectedWithoutGapsOrDuplicates() {
        start(Duration.ofHours(23));
        for (int i = 0; i < 4; i++) {
            play(i);
        }
        Eventually.await("four live candles", Duration.ofSeconds(5), () -> delivered.size() == 4);
        Candle fifth = RECORDED.candle(4);
        fake.streams().pushKline("BTCUSDT", Interval.H1, new Candle(fifth.openTime(), fifth.open(), fifth.open(),
                fifth.open(), fifth.open(), 0), fifth.openTime() + 60_000, false);

        market.now = RECORDED.openTime(8) + HOUR / 2;
        fake.streams().dropAll();

        Eventually.await("reconnected and back-filled", Duration.ofSeconds(5), () -> delivered.size() == 8);
        assertThat(stream.status().reconnects()).isEqualTo(1);
        assertThat(stream.status().backfilled()).isEqualTo(4);
        play(8);
        fake.streams().pushKline("BTCUSDT", Interval.H1, RECORDED.candle(7), market.now, true);
        market.now = RECORDED.openTime(10) + HOUR;
        fake.streams().pushKline("BTCUSDT", Interval.H1, RECORDED.candle(10), market.now, true);

        Eventually.await("the live candles after the gap", Duration.ofSeconds(5), () -> delivered.size() == 11);
        assertThat(CandleSeries.of(Interval.H1, delivered)).isEqualTo(RECORDED.slice(0, 11));
        assertThat(stream.status().backfilled()).as("candle 9 missed on a live connection").isEqualTo(5);
        assertThat(stream.status().lastClosedOpenTime()).containsEntry("BTCUSDT", RECORDED.openTime(10));
    }

    @Test
    void shouldRollTheConnectionOverWithoutLosingACandle() throws Exception {
        start(Duration.ofMillis(250));
        List<Candle> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            play(i);
            expected.add(RECORDED.candle(i));
            Thread.sleep(60);
        }
        market.now = RECORDED.openTime(12);

        Eventually.await("twelve candles", Duration.ofSeconds(5), () -> delivered.size() == 12);
        Eventually.await("a rollover", Duration.ofSeconds(5), () -> stream.status().reconnects() >= 1);
        assertThat(delivered).isEqualTo(expected);
    }
}
