package io.botcore.exchange.binance;

/**
 * Binance refused a request with an error of its own: HTTP 4xx with {@code {"code": ..., "msg": ...}}. The
 * request was not executed (Binance's rule for 4xx), so it is never "in doubt". Examples: {@code -2010} (new order
 * rejected: insufficient balance, duplicate order), {@code -1013} (filter failure), {@code -1021} (timestamp
 * outside the receive window), {@code -2013} (order does not exist).
 */
public final class BinanceApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Timestamp for this request is outside of the recvWindow (or ahead of the server's time). */
    public static final int TIMESTAMP_OUTSIDE_RECV_WINDOW = -1021;
    /** Signature for this request is not valid. */
    public static final int INVALID_SIGNATURE = -1022;
    /** A filter refused the order; {@link #msg()} names it, e.g. {@code Filter failure: LOT_SIZE}. */
    public static final int FILTER_FAILURE = -1013;
    /** Invalid symbol. */
    public static final int INVALID_SYMBOL = -1121;
    /** New order rejected; {@link #msg()} says why (insufficient balance, duplicate order, ...). */
    public static final int NEW_ORDER_REJECTED = -2010;
    /** Cancel rejected (for example the order has already ended). */
    public static final int CANCEL_REJECTED = -2011;
    /** Order does not exist. */
    public static final int NO_SUCH_ORDER = -2013;

    private final int httpStatus;
    private final int code;
    private final String msg;

    public BinanceApiException(String request, int httpStatus, int code, String msg) {
        super("Binance refused " + request + ": HTTP " + httpStatus + ", code " + code + ": " + msg);
        this.httpStatus = httpStatus;
        this.code = code;
        this.msg = msg;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Binance's error code, negative. */
    public int code() {
        return code;
    }

    /** Binance's error text. */
    public String msg() {
        return msg;
    }
}
