package io.botcore.engine.maintenance;

import io.botcore.engine.auth.AuthenticatedUser;
import io.botcore.engine.auth.Role;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import tools.jackson.databind.json.JsonMapper;

/**
 * During maintenance, answers every mutating API request (POST, PUT, PATCH, DELETE under {@code /api/}) of a
 * non-admin with 503 and {@code {"success": false, "status": "maintenance", "error": <message>, "until": ...}}
 * plus {@code Retry-After} when the end is known. Reads, logins and token refreshes go on, so admins can log in
 * and work.
 */
@Configuration(proxyBeanMethods = false)
class MaintenanceInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> ALWAYS_OPEN = Set.of("/api/auth/login", "/api/auth/refresh", "/api/auth/logout");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MaintenanceMonitor monitor;

    MaintenanceInterceptor(MaintenanceMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!MUTATING.contains(request.getMethod()) || ALWAYS_OPEN.contains(request.getRequestURI())) {
            return true;
        }
        Optional<Maintenance.State> state = monitor.current();
        if (state.isEmpty() || isAdmin()) {
            return true;
        }
        Maintenance.State s = state.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("status", "maintenance");
        body.put("error", s.message());
        body.put("until", s.until() == null ? null : s.until().toString());
        body.put("timestamp", Instant.now().toString());
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        if (s.until() != null) {
            response.setHeader("Retry-After", String.valueOf(Math.max(1, s.until().getEpochSecond() - Instant.now().getEpochSecond())));
        }
        response.getWriter().write(JSON.writeValueAsString(body));
        return false;
    }

    private static boolean isAdmin() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof AuthenticatedUser user && user.role() == Role.ADMIN;
    }
}
