package io.botcore.ai.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import io.botcore.ai.AiSettings;
import io.botcore.platform.web.ApiResponse;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.crypto.spec.SecretKeySpec;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Open without a token: {@code /health}, {@code /api/ai/status} (model state, no secrets) and {@code /metrics}.
 * Every other {@code /api/ai/...} route takes the engine's access tokens and checks them by the engine's rules:
 * HS256 with {@code JWT_SECRET}, issuer {@code bot-core}, audience {@code bot-core-api}, inside its time window
 * (5 s skew), and its user (same MongoDB, collection {@code users}) exists, is active and has the token's
 * version, so signing out or disabling a user ends its access here too (within 5 s). Any other path is refused.
 * Without {@code JWT_SECRET} no token is accepted and the answer says why.
 */
@Configuration(proxyBeanMethods = false)
class AiSecurityConfiguration {

    /** Issuer and audience of the engine's tokens ({@code io.botcore.engine.auth.TokenService}). */
    static final String ISSUER = "bot-core";
    static final String AUDIENCE = "bot-core-api";

    /** How long a user's state read from the database is reused. */
    static final Duration USER_TTL = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(AiSecurityConfiguration.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    SecurityFilterChain aiRoutes(HttpSecurity http, JwtDecoder decoder, MongoDatabase database, AiSettings settings)
            throws Exception {
        String refusal = settings.jwtSecret() == null
                ? "this AI service has no JWT_SECRET, so it accepts no token: set the engine's JWT_SECRET here too"
                : "a valid access token is required (Authorization: Bearer <token>)";
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/health", "/api/ai/status", "/metrics", "/error").permitAll()
                        .requestMatchers("/api/ai/**").authenticated()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(new UserCheck(database)))
                        .authenticationEntryPoint((request, response, e) -> write(response, 401, refusal)))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> write(response, 401, refusal))
                        .accessDeniedHandler((request, response, ex) -> write(response, 403, "not allowed here")))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    JwtDecoder jwtDecoder(AiSettings settings) {
        if (settings.jwtSecret() == null) {
            LOG.warn("JWT_SECRET is not set: the analysis routes accept no token");
            return token -> {
                throw new BadJwtException("no JWT_SECRET configured");
            };
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(
                settings.jwtSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256).build();
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(Duration.ofSeconds(5)),
                new JwtIssuerValidator(ISSUER),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(AUDIENCE)),
                new JwtClaimValidator<Object>("exp", exp -> exp != null),
                new JwtClaimValidator<Object>("nbf", nbf -> nbf != null));
        decoder.setJwtValidator(validator);
        return decoder;
    }

    /** No password logins on this service: an empty user store keeps Spring from generating one. */
    @Bean
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }

    private static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        if (status == 401) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write(JSON.writeValueAsString(ApiResponse.error(message)));
    }

    /**
     * A verified token's user must exist, be active and have the token's version, as on the engine. What the
     * database says about a user is reused for {@link #USER_TTL}, so a disabled user or a sign-out reaches this
     * service within that time rather than at once, and a request costs no database round trip.
     */
    private static final class UserCheck implements Converter<Jwt, AbstractAuthenticationToken> {

        private final MongoCollection<Document> users;
        private final Cache<String, Optional<UserState>> known = Caffeine.newBuilder().maximumSize(10_000)
                .expireAfterWrite(USER_TTL).build();

        UserCheck(MongoDatabase database) {
            this.users = database.getCollection("users");
        }

        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            String id = jwt.getSubject();
            Optional<UserState> user = id != null && ObjectId.isValid(id) ? known.get(id, this::load)
                    : Optional.empty();
            if (user.isEmpty() || !user.get().active()
                    || !(jwt.getClaim("ver") instanceof Number ver && ver.intValue() == user.get().tokenVersion())) {
                throw new InvalidBearerTokenException("the token's user is unknown, disabled or signed out");
            }
            String role = user.get().role();
            return new UsernamePasswordAuthenticationToken(id, jwt,
                    List.of(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(java.util.Locale.ROOT))));
        }

        private Optional<UserState> load(String id) {
            Document user = users.find(Filters.eq("_id", new ObjectId(id))).first();
            return user == null ? Optional.empty() : Optional.of(new UserState(user.getBoolean("is_active", false),
                    user.getInteger("token_version", 0), user.getString("role") == null ? "user"
                            : user.getString("role")));
        }
    }

    /** What the token check needs of a user. */
    private record UserState(boolean active, int tokenVersion, String role) {
    }
}
