package io.botcore.engine.admin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses blocked client addresses with 403 before any other work, health included. */
final class IpBlockFilter extends OncePerRequestFilter {

    private final IpBlocklist blocklist;

    IpBlockFilter(IpBlocklist blocklist) {
        this.blocklist = blocklist;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (blocklist.isBlocked(request.getRemoteAddr())) {
            response.setStatus(403);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getWriter().write("{\"success\":false,\"error\":\"this address is blocked\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
