package io.botcore.engine.market;

import io.botcore.core.market.store.CandleStore;
import io.botcore.engine.EngineSettings;
import io.botcore.platform.cache.AnswerCache;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class MarketConfiguration {

    @Bean
    CandleStore candleStore(EngineSettings settings) {
        return new CandleStore(Path.of(settings.dataDir()).resolve("market"));
    }

    @Bean
    MarketDataService marketDataService(CandleStore store, AnswerCache cache, Clock clock) {
        return new MarketDataService(store, cache, JsonMapper.builder().build(), clock);
    }
}
