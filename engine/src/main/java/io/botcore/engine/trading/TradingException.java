package io.botcore.engine.trading;

/** A trading request that cannot be carried out as asked; the API turns it into 404 or 409. */
public final class TradingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of refusal. */
    public enum Kind {
        NOT_FOUND, CONFLICT
    }

    private final Kind kind;

    public TradingException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
