package dev.semid.serving.http;

import dev.semid.serving.ServiceSettings;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * With {@code semid.auth-token} set, the write endpoints ({@code POST /items},
 * {@code DELETE /items/…}) need {@code Authorization: Bearer <token>}; reads and
 * {@code POST /tokenize} (which writes nothing) stay open.
 */
@Filter("/items/**")
class BearerAuthFilter implements HttpServerFilter {
    private final byte[] token;

    BearerAuthFilter(ServiceSettings settings) {
        this.token = settings.authToken() == null ? null : settings.authToken().getBytes(StandardCharsets.UTF_8);
    }

    @Override public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (token == null || request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD
                || request.getMethod() == HttpMethod.OPTIONS)
            return chain.proceed(request);
        String auth = request.getHeaders().get("Authorization");
        boolean ok = auth != null && auth.startsWith("Bearer ")
                && MessageDigest.isEqual(token, auth.substring(7).trim().getBytes(StandardCharsets.UTF_8)); // constant time
        if (ok) return chain.proceed(request);
        MutableHttpResponse<?> denied = JsonResponses.error(HttpStatus.UNAUTHORIZED,
                        auth == null ? "this endpoint needs 'Authorization: Bearer <token>'" : "wrong bearer token")
                .header("WWW-Authenticate", "Bearer realm=\"semid\"");
        return Publishers.just(denied);
    }
}
