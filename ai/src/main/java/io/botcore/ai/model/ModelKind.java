package io.botcore.ai.model;

/**
 * The families of model this module trains, each with the name used in metadata, reports and on the
 * command line.
 *
 * <p>Immutable and thread-safe.
 */
public enum ModelKind {
    /** Multinomial logistic regression (softmax over a linear score) on standardised features. */
    LOGISTIC_REGRESSION("logistic"),
    /** Gradient-boosted decision trees (XGBoost, softprob objective). */
    GRADIENT_BOOSTED_TREES("xgboost");

    private final String code;

    ModelKind(String code) {
        this.code = code;
    }

    /** Short name, for example {@code "xgboost"}. */
    public String code() {
        return code;
    }

    /**
     * The kind called {@code code}.
     *
     * @throws IllegalArgumentException for an unknown code; the message lists the known ones
     */
    public static ModelKind fromCode(String code) {
        for (ModelKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown model kind '" + code + "'; known: logistic, xgboost");
    }
}
