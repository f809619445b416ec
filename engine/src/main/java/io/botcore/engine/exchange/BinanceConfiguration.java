package io.botcore.engine.exchange;

import io.botcore.engine.EngineSettings;
import io.botcore.exchange.binance.BinanceRestClient;
import io.botcore.exchange.binance.RequestWeightBudget;

import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BinanceConfiguration {

    /** Each call is bounded so that ping plus time together stay inside the 5 s the manual allows. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

    /** One request-weight budget for every Binance call of this engine. */
    @Bean
    RequestWeightBudget requestWeightBudget() {
        return RequestWeightBudget.standard();
    }

    /** Binance's state on {@code /metrics}; the request weight from the start, the rest as live parts are wired. */
    @Bean
    BinanceMetrics binanceMetrics(MeterRegistry registry, RequestWeightBudget budget) {
        return new BinanceMetrics(registry).bindBudget(budget);
    }

    @Bean
    BinanceRestClient binanceRestClient(EngineSettings settings, RequestWeightBudget budget) {
        return new BinanceRestClient(settings.binanceBaseUrl(), CALL_TIMEOUT, budget);
    }

    @Bean
    ExchangeProbe exchangeProbe(BinanceRestClient client, java.time.Clock clock) {
        return new ExchangeProbe(client, clock);
    }
}
