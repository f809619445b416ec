package io.botcore.engine.auth;

import com.mongodb.client.MongoDatabase;

import io.botcore.engine.EngineSettings;
import io.botcore.engine.admin.AuditLog;
import io.botcore.platform.web.ApiResponse;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import tools.jackson.databind.json.JsonMapper;

/**
 * Secure by default: every route needs a valid access token except health, the Binance ping, login,
 * refresh, the Prometheus scrape and GET of the dashboard's static files (which hold no data: the page
 * itself asks for a token before it calls the API). A token is valid only when it is HS256 with our key, from our
 * issuer for our audience, inside its time window (5 s skew), and its user still exists, is active and
 * has the token's version. Answers carry a strict CSP, nosniff, frame-ancestors none and no referrer;
 * CORS allows only the configured origins.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Paths anyone may call. */
    static final String[] PUBLIC = {"/api/health", "/api/v1/binance/ping", "/api/auth/login", "/api/auth/refresh",
        "/api/auth/register",
        "/metrics", "/error"};

    /** The dashboard's static files under {@code static/}: anyone may GET them, nothing else. */
    static final String[] DASHBOARD = {"/", "/index.html", "/favicon.svg", "/app/**", "/vendor/**"};

    /**
     * The WebSocket endpoint: browsers cannot send headers with a WebSocket, so its handshake checks the token
     * itself (query parameter {@code token} or the Authorization header) and refuses the upgrade without one.
     */
    static final String WEBSOCKET = "/ws";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    SecurityFilterChain api(HttpSecurity http, JwtDecoder decoder, UserStore users, EngineSettings settings)
            throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .cors(c -> c.configurationSource(cors(settings.auth().corsOrigins())))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers(HttpMethod.GET, WEBSOCKET).permitAll()
                        .requestMatchers(HttpMethod.GET, DASHBOARD).permitAll()
                        .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(new UserConverter(users)))
                        .authenticationEntryPoint((request, response, e) -> write(response, 401,
                                "a valid access token is required (Authorization: Bearer <token>)")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> write(response, 401,
                                "a valid access token is required (Authorization: Bearer <token>)"))
                        .accessDeniedHandler((request, response, ex) -> write(response, 403,
                                "your role does not allow this")))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; script-src 'self'; "
                                + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    JwtDecoder jwtDecoder(TokenService tokens) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(tokens.key()).macAlgorithm(MacAlgorithm.HS256).build();
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(Duration.ofSeconds(5)),
                new JwtIssuerValidator(TokenService.ISSUER),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(TokenService.AUDIENCE)),
                new JwtClaimValidator<Object>("exp", exp -> exp != null),
                new JwtClaimValidator<Object>("nbf", nbf -> nbf != null));
        decoder.setJwtValidator(validator);
        return decoder;
    }

    @Bean
    TokenVerifier tokenVerifier(JwtDecoder decoder, UserStore users) {
        return new TokenVerifier(decoder, users);
    }

    @Bean
    TokenService tokenService(EngineSettings settings, Clock clock) {
        return new TokenService(settings.auth(), clock);
    }

    @Bean
    UserStore userStore(MongoDatabase database, Clock clock) {
        return new UserStore(database, clock);
    }

    @Bean
    AuthService authService(UserStore users, TokenService tokens, MongoDatabase database, EngineSettings settings,
            AuditLog audit, Clock clock) {
        RefreshTokens refreshTokens = new RefreshTokens(database, clock, settings.auth().refreshTokenTtl());
        SigningKeyGuard.check(database, settings.auth().jwtSecret(), refreshTokens, audit, clock);
        return new AuthService(users, new Passwords(settings.auth().bcryptCost()), tokens, refreshTokens,
                new LoginGuard(database, clock, settings.auth().loginsPerMinutePerIp()), audit,
                settings.auth().selfRegistration());
    }

    private static UrlBasedCorsConfigurationSource cors(List<String> origins) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(origins);
        config.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        config.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "X-Client"));
        config.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", config);
        return source;
    }

    private static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        if (status == 401) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write(JSON.writeValueAsString(ApiResponse.error(message)));
    }

    /** Turns a verified token into the caller, refusing deleted, disabled or outdated users. */
    private record UserConverter(UserStore users) implements Converter<Jwt, AbstractAuthenticationToken> {
        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            UserAccount user = users.findById(jwt.getSubject())
                    .filter(UserAccount::active)
                    .filter(u -> jwt.getClaim("ver") instanceof Number ver && ver.intValue() == u.tokenVersion())
                    .orElseThrow(() -> new InvalidBearerTokenException("the token's user is unknown, disabled or "
                            + "signed out"));
            AuthenticatedUser principal = new AuthenticatedUser(user.id(), user.email(), user.role());
            return new UsernamePasswordAuthenticationToken(principal, jwt,
                    List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
        }
    }
}
