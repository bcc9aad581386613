package dev.semid.serving.http;

import dev.semid.serving.ServiceSettings;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The write endpoints ({@code POST /items}, {@code DELETE /items/…}) need
 * {@code Authorization: Bearer <semid.auth-token>}. Without a token set they are refused (403),
 * unless {@code semid.insecure-writes} opens them to anyone: writes are closed by default. Reads
 * and {@code POST /tokenize} (which writes nothing) stay open.
 */
@Filter("/items/**")
class BearerAuthFilter implements HttpServerFilter {
    private static final Logger LOG = LoggerFactory.getLogger(BearerAuthFilter.class);
    static final String REFUSED = "writes are refused: no semid.auth-token is set. Set one (semid serve --auth-token, or the"
            + " environment variable SEMID_AUTH_TOKEN) and send 'Authorization: Bearer <token>', or accept writes from anyone"
            + " with semid.insecure-writes=true (semid serve --insecure-writes)";

    private final byte[] token;
    private final boolean insecure;

    BearerAuthFilter(ServiceSettings settings) {
        this.token = settings.authToken() == null ? null : settings.authToken().getBytes(StandardCharsets.UTF_8);
        this.insecure = token == null && settings.insecureWrites();
        if (insecure) LOG.warn("semid.insecure-writes: POST /items and DELETE /items/{id} accept requests from anyone");
        else if (token == null) LOG.info("no semid.auth-token: POST /items and DELETE /items/{id} are refused");
    }

    @Override public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (insecure || request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD
                || request.getMethod() == HttpMethod.OPTIONS)
            return chain.proceed(request);
        if (token == null) return Publishers.just(JsonResponses.error(HttpStatus.FORBIDDEN, REFUSED));
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
