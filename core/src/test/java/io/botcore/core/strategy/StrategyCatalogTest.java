package io.botcore.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategyCatalogTest {

    @Test
    void knowsEveryStrategyByName() {
        assertThat(StrategyCatalog.names()).containsExactly("rsi", "macd", "bollinger", "volume", "ensemble");
        for (String name : StrategyCatalog.names()) {
            assertThat(StrategyCatalog.create(name, StrategyParameters.none()).name()).isEqualTo(name);
        }
    }

    @Test
    void anUnknownStrategyListsTheKnownOnes() {
        assertThatThrownBy(() -> StrategyCatalog.create("rsx", StrategyParameters.none()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown strategy 'rsx'; known: rsi, macd, bollinger, volume, ensemble");
    }

    @Test
    void anUnknownParameterListsTheKnownOnes() {
        assertThatThrownBy(() -> StrategyCatalog.create("rsi", StrategyParameters.of(Map.of("perod", "7"))))
                .hasMessage("unknown parameter(s) [perod] for strategy rsi; known: [overbought, oversold, period]");
        assertThatThrownBy(() -> StrategyCatalog.create("ensemble", StrategyParameters.of(Map.of("rsi.perod", "7"))))
                .hasMessageStartingWith("unknown parameter(s) [rsi.perod] for strategy ensemble; known: [");
    }

    @Test
    void aBadValueNamesTheParameter() {
        assertThatThrownBy(() -> StrategyCatalog.create("macd", StrategyParameters.of(Map.of("fast", "twelve"))))
                .hasMessage("parameter fast must be a whole number but is 'twelve'");
        assertThatThrownBy(() -> StrategyCatalog.create("bollinger", StrategyParameters.of(Map.of("k", "NaN"))))
                .hasMessage("parameter k must be finite but is NaN");
        assertThatThrownBy(() -> StrategyCatalog.create("ensemble",
                StrategyParameters.of(Map.of("min_confidence", "1.5"))))
                .hasMessage("min_confidence must be in (0, 1] but is 1.5");
    }
}
