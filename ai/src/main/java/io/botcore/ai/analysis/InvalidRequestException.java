package io.botcore.ai.analysis;

import io.botcore.platform.web.ApiResponse;
import java.util.List;

/**
 * A request that breaks a rule: each problem names the JSON field (a path such as {@code timeframe_data.1h[3].close})
 * and the rule. Answered with HTTP 400 and the problems in {@code details}.
 */
public final class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<ApiResponse.FieldProblem> problems;

    public InvalidRequestException(String field, String rule) {
        this(List.of(new ApiResponse.FieldProblem(field, rule)));
    }

    public InvalidRequestException(List<ApiResponse.FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.rule()).reduce((a, b) -> a + "; " + b).orElse(""));
        this.problems = List.copyOf(problems);
    }

    /** Every broken rule. */
    public List<ApiResponse.FieldProblem> problems() {
        return problems;
    }
}
