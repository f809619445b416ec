package io.botcore.core.strategy;

import io.botcore.core.market.Candle;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.market.csv.CandleCsvReader;
import io.botcore.core.testdata.RecordedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Real BTCUSDT 1h candles, and hand-made hourly candles for small scenarios. */
final class StrategyFixtures {

    static final long HOUR = 3_600_000L;
    /** 2024-01-01T00:00:00Z. */
    static final long T0 = 1_704_067_200_000L;

    static final CandleSeries BTC_1H;

    static {
        try {
            BTC_1H = CandleCsvReader.read(RecordedData.file(RecordedData.BTC_1H), Interval.H1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private StrategyFixtures() {
    }

    /** Hourly candles from T0 whose open, high, low and close all equal the given close; volume 1. */
    static List<Candle> flatCandles(double... closes) {
        List<Candle> candles = new ArrayList<>();
        for (int i = 0; i < closes.length; i++) {
            candles.add(new Candle(T0 + i * HOUR, closes[i], closes[i], closes[i], closes[i], 1));
        }
        return candles;
    }

    static List<Signal> feed(Strategy strategy, List<Candle> candles) {
        List<Signal> signals = new ArrayList<>();
        for (Candle candle : candles) {
            signals.add(strategy.onCandle(candle));
        }
        return signals;
    }
}
