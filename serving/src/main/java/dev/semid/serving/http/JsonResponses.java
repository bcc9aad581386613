package dev.semid.serving.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semid.index.NotFoundException;
import dev.semid.index.SidEntry;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Supplier;

/** JSON bodies written with Jackson (the library's own types need no HTTP annotations), and errors as {"error": …}. */
final class JsonResponses {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonResponses() {}

    static MutableHttpResponse<String> ok(Object body) { return json(HttpStatus.OK, body); }

    static MutableHttpResponse<String> json(HttpStatus status, Object body) {
        try {
            return HttpResponse.<String>status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(MAPPER.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MutableHttpResponse<String> error(HttpStatus status, String message) {
        return json(status, Map.of("error", message, "status", status.getCode()));
    }

    /** Runs a handler: bad requests (IllegalArgumentException) → 400, unknown items or IDs → 404. */
    static MutableHttpResponse<String> handle(Supplier<MutableHttpResponse<String>> handler) {
        try {
            return handler.get();
        } catch (NotFoundException e) {
            return error(HttpStatus.NOT_FOUND, e.getMessage());
        } catch (IllegalArgumentException e) {
            return error(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    /** {"id", "sid", "codes", "payload"?, "model"}. */
    static Map<String, Object> entry(SidEntry e, String model) {
        Map<String, Object> m = e.view();
        m.put("model", model);
        return m;
    }
}
