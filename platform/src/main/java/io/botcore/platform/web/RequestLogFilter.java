package io.botcore.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes one log line per HTTP request: {@code GET /api/health 200 duration: 3ms}. The query string is
 * never logged (it may carry tokens), so the manual's
 * {@code grep "duration.*ms" | awk -F'duration:' '{print $2}' | sort -n} finds the slowest requests.
 */
public final class RequestLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("http");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long millis = (System.nanoTime() - start) / 1_000_000;
            int status = response.getStatus();
            if (status >= 500) {
                log.warn("{} {} {} duration: {}ms", request.getMethod(), request.getRequestURI(), status, millis);
            } else {
                log.info("{} {} {} duration: {}ms", request.getMethod(), request.getRequestURI(), status, millis);
            }
        }
    }
}
