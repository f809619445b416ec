package io.botcore.engine.trading;

import io.botcore.core.execution.SymbolRules;

import java.util.Map;
import java.util.Optional;

/**
 * Exchange filters of the symbols paper bots may trade: Binance spot's PRICE_FILTER tick size, LOT_SIZE step
 * and minimum quantity, and NOTIONAL minimum for the four symbols of the recorded data.
 */
public final class SymbolCatalog {

    private static final Map<String, SymbolRules> RULES = Map.of(
            "BTCUSDT", SymbolRules.of("BTCUSDT", "0.01", "0.00001", "0.00001", "5"),
            "ETHUSDT", SymbolRules.of("ETHUSDT", "0.01", "0.0001", "0.0001", "5"),
            "BNBUSDT", SymbolRules.of("BNBUSDT", "0.01", "0.001", "0.001", "5"),
            "SOLUSDT", SymbolRules.of("SOLUSDT", "0.01", "0.001", "0.001", "5"));

    private SymbolCatalog() {
    }

    public static Optional<SymbolRules> rules(String symbol) {
        return Optional.ofNullable(RULES.get(symbol));
    }
}
