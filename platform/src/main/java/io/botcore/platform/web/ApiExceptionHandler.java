package io.botcore.platform.web;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Every error becomes a JSON envelope with a real status: validation names the field and the rule,
 * unreadable bodies say which field had the wrong type, and nothing ever shows a stack trace. An
 * unexpected exception is logged with its stack and answered with a generic 500 sentence.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiResponse<Void>> api(ApiException e) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(e.status());
        if (e.retryAfter() != null) {
            builder.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
        }
        return builder.body(ApiResponse.error(e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiResponse<Void>> invalid(MethodArgumentNotValidException e) {
        List<ApiResponse.FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiResponse.FieldProblem(snake(f.getField()), f.getDefaultMessage()))
                .sorted(java.util.Comparator.comparing(ApiResponse.FieldProblem::field))
                .toList();
        return ResponseEntity.badRequest().body(ApiResponse.invalid(problems));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiResponse<Void>> invalidParameter(HandlerMethodValidationException e) {
        List<ApiResponse.FieldProblem> problems = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new ApiResponse.FieldProblem(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(ApiResponse.invalid(problems));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiResponse<Void>> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof StreamConstraintsException) {
            return ResponseEntity.badRequest().body(ApiResponse.invalid(List.of(new ApiResponse.FieldProblem("body",
                    "is nested too deeply or holds a value that is too long"))));
        }
        if (e.getCause() instanceof JacksonException jackson) {
            String field = field(jackson);
            if (field != null) {
                String rule = jackson instanceof StrictText.Refused ? StrictText.RULE
                        : jackson instanceof StreamReadException && !(jackson instanceof InputCoercionException)
                                ? "is not a JSON value (NaN, Infinity and unquoted words are not allowed)"
                                : "has the wrong type or format";
                return ResponseEntity.badRequest().body(ApiResponse.invalid(List.of(
                        new ApiResponse.FieldProblem(field, rule))));
            }
        }
        return ResponseEntity.badRequest().body(ApiResponse.error("request body is missing or is not valid JSON"));
    }

    /**
     * The JSON path of the failing value: where the parser stopped when that lies inside the binding path (a
     * syntax error deep in a nested object is only wrapped with the outer names), else the binding path.
     */
    private static String field(JacksonException e) {
        String bound = e.getPath().isEmpty() ? null : e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse(null);
        String parsed = null;
        if (e.processor() instanceof JsonParser parser) {
            String pointer = parser.streamReadContext().pathAsPointer().toString();
            if (!pointer.isEmpty()) {
                parsed = pointer.substring(1).replaceAll("/([0-9]+)(?=/|$)", "[$1]").replace('/', '.');
            }
        }
        return parsed != null && (bound == null || parsed.startsWith(bound)) ? parsed : bound;
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ApiResponse<Void>> badParameter(Exception e) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return ResponseEntity.badRequest().body(ApiResponse.invalid(List.of(
                new ApiResponse.FieldProblem(name, e instanceof MethodArgumentTypeMismatchException
                        ? "has the wrong type or format" : "is required"))));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiResponse<Void>> notFound(NoResourceFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiResponse.error("not found"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiResponse<Void>> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).body(ApiResponse.error(e.getMethod() + " is not allowed here"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiResponse<Void>> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(ApiResponse.error("send application/json"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiResponse<Void>> unexpected(Exception e) {
        log.error("unexpected error", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(ApiResponse.error("internal error; the event is in the service log"));
    }

    private static String snake(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
