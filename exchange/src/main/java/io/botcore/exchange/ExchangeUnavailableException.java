package io.botcore.exchange;

/**
 * The exchange could not be reached or did not answer in time. Transient: the caller may retry later.
 */
public final class ExchangeUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ExchangeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public ExchangeUnavailableException(String message) {
        super(message);
    }
}
