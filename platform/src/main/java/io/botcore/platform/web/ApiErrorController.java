package io.botcore.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}) in the API's own envelope: requests refused before they
 * reach a controller (a URL the firewall rejects, an exception in a filter) get their real status and one
 * sentence, never a stack trace. Called directly, {@code /error} is just an unknown page: 404.
 */
@RestController
class ApiErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ApiResponse<Void>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c ? HttpStatus.resolve(c) : null;
        if (status == null || !status.isError()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiResponse.error("not found"));
        }
        return ResponseEntity.status(status).body(ApiResponse.error(sentence(status)));
    }

    static String sentence(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "the request was refused: its URL or headers are malformed (encoded slashes, "
                    + "dot segments, NUL bytes and control characters are not accepted)";
            case PAYLOAD_TOO_LARGE -> "request body is larger than 1 MiB";
            case INTERNAL_SERVER_ERROR -> "internal error; the event is in the service log";
            default -> status.getReasonPhrase().toLowerCase(Locale.ROOT);
        };
    }
}
