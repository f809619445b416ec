package io.botcore.engine.ai;

import com.mongodb.client.MongoDatabase;

import io.botcore.engine.EngineSettings;
import io.botcore.engine.auth.TokenService;
import io.botcore.engine.auth.UserAccount;
import io.botcore.engine.auth.UserStore;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code ai} strategy's collaborators: one client of the AI service at {@code ai.url} behind one circuit
 * breaker (open after half of the last 10 calls failed, at least 5 calls; retried after 30 s with 2 trial
 * calls), tokens minted for each bot's owner, the {@code ai_signals} journal, the health component and
 * {@link EngineStrategies}.
 */
@Configuration(proxyBeanMethods = false)
class AiStrategyConfiguration {

    /** How long before its expiry a cached token is replaced. */
    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(60);

    static CircuitBreaker breaker() {
        return CircuitBreaker.of("ai-service", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED).slidingWindowSize(10)
                .minimumNumberOfCalls(5).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30)).permittedNumberOfCallsInHalfOpenState(2)
                .recordExceptions(AiUnavailableException.class).build());
    }

    @Bean
    AiSignalSource aiSignalSource(EngineSettings settings, TokenService tokens, UserStore users,
            MeterRegistry registry, Clock clock) {
        return new AiSignalSource(new AiServiceClient(settings.aiServiceUrl(), Duration.ofSeconds(2)), breaker(),
                ownerTokens(tokens, users, clock), registry, clock);
    }

    /** A token per user, reused until a minute before it expires. */
    static Function<String, String> ownerTokens(TokenService tokens, UserStore users, Clock clock) {
        Map<String, Minted> cache = new ConcurrentHashMap<>();
        return userId -> cache.compute(userId, (id, minted) -> {
            if (minted != null && clock.instant().isBefore(minted.renewAt())) {
                return minted;
            }
            UserAccount user = users.findById(id).filter(UserAccount::active)
                    .orElseThrow(() -> new IllegalStateException("user " + id + " is unknown or disabled"));
            return new Minted(tokens.issue(user), clock.instant()
                    .plusSeconds(tokens.accessTokenSeconds()).minus(TOKEN_MARGIN));
        }).token();
    }

    private record Minted(String token, Instant renewAt) {
    }

    @Bean
    SignalJournal signalJournal(MongoDatabase database, Clock clock) {
        return new SignalJournal(database, clock);
    }

    @Bean
    AiStrategyProbe aiStrategyProbe(AiSignalSource source, Clock clock) {
        return new AiStrategyProbe(source, clock);
    }

    @Bean
    EngineStrategies engineStrategies(AiSignalSource source, SignalJournal journal, Clock clock) {
        return new EngineStrategies(source, journal, clock);
    }
}
