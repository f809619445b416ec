package io.botcore.platform.web;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/**
 * An answer other than 2xx that a handler decides on: the status and one sentence for the client, and
 * for 429 how long to wait ({@code Retry-After}).
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final Duration retryAfter;

    public ApiException(HttpStatus status, String message) {
        this(status, message, null);
    }

    public ApiException(HttpStatus status, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public HttpStatus status() {
        return status;
    }

    /** Seconds to wait before retrying, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
