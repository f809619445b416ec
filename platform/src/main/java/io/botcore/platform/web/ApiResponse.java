package io.botcore.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * The one envelope of every API answer: {@code {"success", "data", "error", "details", "timestamp"}}.
 *
 * @param success true for 2xx answers
 * @param data the payload (absent on errors)
 * @param error one human-readable sentence (absent on success)
 * @param details per-field problems of a validation error: which field broke which rule
 * @param timestamp when the answer was made (UTC)
 * @param <T> payload type
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse<T>(boolean success, T data, String error, List<FieldProblem> details, Instant timestamp) {

    /** One invalid field: its JSON name and the rule it breaks. */
    public record FieldProblem(String field, String rule) {
    }

    public static <T> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(true, data, null, null, Instant.now());
    }

    public static ApiResponse<Void> error(String message) {
        return new ApiResponse<>(false, null, message, null, Instant.now());
    }

    public static ApiResponse<Void> invalid(List<FieldProblem> problems) {
        String message = problems.stream().map(p -> p.field() + ": " + p.rule())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return new ApiResponse<>(false, null, message, problems, Instant.now());
    }
}
