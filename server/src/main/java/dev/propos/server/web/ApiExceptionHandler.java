package dev.propos.server.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns an {@link ApiException} into its status with an {@link ApiError} body, the shape of every
 * error answer. Always JSON, whatever the request accepts: a refused event stream answers in JSON too.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> refused(ApiException e) {
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON).body(new ApiError(e.getMessage()));
    }

    /** A fault of PropOS's own: logged with its trace for the operator, answered without the details. */
    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ApiError> fault(IllegalStateException e) {
        log.error("Request failed", e);
        return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError("internal error: " + e.getMessage()));
    }
}
