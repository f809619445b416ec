package io.botcore.engine.ai;

/**
 * The AI service gave no usable answer. {@link #reason()} is the metric tag: {@code timeout}, {@code unreachable},
 * {@code no_model} (503), {@code refused} (4xx: token or request rejected), {@code error} (5xx or an answer that
 * cannot be read).
 */
public final class AiUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public AiUnavailableException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public AiUnavailableException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** Why, as a short tag. */
    public String reason() {
        return reason;
    }

    /** Whether the failure says the service is unhealthy (counted by the circuit breaker) rather than our request. */
    public boolean serviceFault() {
        return !"refused".equals(reason);
    }
}
