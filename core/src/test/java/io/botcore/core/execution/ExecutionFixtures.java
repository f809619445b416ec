package io.botcore.core.execution;

import io.botcore.core.market.Candle;
import java.math.BigDecimal;
import java.time.Instant;

/** Hand-made hourly candles and a small instrument for execution tests. */
final class ExecutionFixtures {

    static final long HOUR = 3_600_000L;
    /** 2024-01-01T00:00:00Z. */
    static final long T0 = 1_704_067_200_000L;
    static final Symbol BTC = Symbol.of("BTCUSDT");
    /** Tick 0.01, step 0.001, minimum quantity 0.001, minimum notional 10. */
    static final SymbolRules RULES = SymbolRules.of("BTCUSDT", "0.01", "0.001", "0.001", "10");

    private ExecutionFixtures() {
    }

    /** The hourly candle number {@code index} from T0. */
    static Candle bar(int index, double open, double high, double low, double close, double volume) {
        return new Candle(T0 + index * HOUR, open, high, low, close, volume);
    }

    static Instant at(int index) {
        return Instant.ofEpochMilli(T0 + index * HOUR);
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    static ClientOrderId id(String value) {
        return ClientOrderId.of(value);
    }
}
