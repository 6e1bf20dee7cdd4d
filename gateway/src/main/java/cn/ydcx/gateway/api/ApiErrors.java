package cn.ydcx.gateway.api;

import cn.ydcx.gateway.mapping.UnreadableFileException;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad input gets a status and one line naming what is wrong, never a stack trace. */
@RestControllerAdvice
public class ApiErrors {

    @ExceptionHandler(CamelExecutionException.class)
    ResponseEntity<Map<String, String>> camel(CamelExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof UnreadableFileException u) {
            return unreadable(u);
        }
        if (cause instanceof IllegalArgumentException iae) {
            return badRequest(iae);
        }
        return ResponseEntity.internalServerError().body(Map.of("error", String.valueOf(cause.getMessage())));
    }

    @ExceptionHandler(UnreadableFileException.class)
    ResponseEntity<Map<String, String>> unreadable(UnreadableFileException e) {
        return ResponseEntity.unprocessableEntity().body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }
}
