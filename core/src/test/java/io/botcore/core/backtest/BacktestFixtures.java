package io.botcore.core.backtest;

import io.botcore.core.execution.SymbolRules;
import io.botcore.core.market.Candle;
import io.botcore.core.market.CandleSeries;
import io.botcore.core.market.Interval;
import io.botcore.core.market.csv.CandleCsvReader;
import io.botcore.core.strategy.Reason;
import io.botcore.core.strategy.Side;
import io.botcore.core.strategy.Signal;
import io.botcore.core.strategy.Strategy;
import io.botcore.core.testdata.RecordedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Real BTCUSDT 1h candles, Binance's BTCUSDT filters, and a strategy that signals where a test says. */
final class BacktestFixtures {

    static final long HOUR = 3_600_000L;
    /** 2024-01-01T00:00:00Z. */
    static final long T0 = 1_704_067_200_000L;
    /** Binance spot BTCUSDT: tick 0.01, step 0.00001, minimum quantity 0.00001, minimum notional 5. */
    static final SymbolRules BINANCE_BTCUSDT = SymbolRules.of("BTCUSDT", "0.01", "0.00001", "0.00001", "5");

    static final CandleSeries BTC_1H;

    static {
        try {
            BTC_1H = CandleCsvReader.read(RecordedData.file(RecordedData.BTC_1H), Interval.H1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BacktestFixtures() {
    }

    /** Hourly candles from T0, each row {open, high, low, close, volume}. */
    static CandleSeries hourly(double[]... rows) {
        CandleSeries.Builder builder = CandleSeries.builder(Interval.H1, rows.length);
        for (int i = 0; i < rows.length; i++) {
            double[] r = rows[i];
            builder.add(new Candle(T0 + i * HOUR, r[0], r[1], r[2], r[3], r[4]));
        }
        return builder.build();
    }

    static double[] ohlcv(double open, double high, double low, double close, double volume) {
        return new double[] {open, high, low, close, volume};
    }

    /**
     * Buys at the close of the candles numbered in {@code buys}, sells at those in {@code sells}, holds
     * otherwise; each signal gives one reason naming its candle.
     */
    static Strategy scripted(List<Integer> buys, List<Integer> sells) {
        return new Strategy() {
            private int index;

            @Override
            public String name() {
                return "scripted";
            }

            @Override
            public Signal onCandle(Candle candle) {
                int i = index++;
                Side side = buys.contains(i) ? Side.BUY : sells.contains(i) ? Side.SELL : Side.HOLD;
                return side == Side.HOLD ? Signal.hold(candle.openTime())
                        : Signal.of(candle.openTime(), side, 1.0,
                                new Reason("scripted", side + " at candle " + i, Map.of("index", (double) i)));
            }
        };
    }
}
