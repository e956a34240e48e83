package dev.sietch.http.internal;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * What every response carries, whatever route answers: {@code X-Request-ID} (the caller's, if it
 * is a sane token, else a fresh UUID), the CORS headers browser clients rely on (plus {@code PUT} and
 * {@code Authorization}, which the member routes need from a browser), and the security headers,
 * whatever the proxy adds. {@code OPTIONS} on any path is answered here with 204 (CORS preflight), before
 * routing, so a preflight never depends on the route.
 */
final class CommonHeaders implements HttpHandler {

    static final HttpString REQUEST_ID = new HttpString("X-Request-ID");

    private static final HttpString ALLOW_ORIGIN = new HttpString("Access-Control-Allow-Origin");
    private static final HttpString ALLOW_METHODS = new HttpString("Access-Control-Allow-Methods");
    private static final HttpString ALLOW_HEADERS = new HttpString("Access-Control-Allow-Headers");
    private static final HttpString MAX_AGE = new HttpString("Access-Control-Max-Age");
    private static final HttpString NO_SNIFF = new HttpString("X-Content-Type-Options");
    private static final HttpString FRAME_OPTIONS = new HttpString("X-Frame-Options");
    private static final HttpString REFERRER_POLICY = new HttpString("Referrer-Policy");

    /** A caller's request id is echoed only if it cannot forge log lines or headers. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final HttpHandler next;

    CommonHeaders(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String incoming = exchange.getRequestHeaders().getFirst(REQUEST_ID);
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(REQUEST_ID, incoming != null && SAFE_ID.matcher(incoming).matches() ? incoming : randomId());
        headers.put(ALLOW_ORIGIN, "*");
        headers.put(ALLOW_METHODS, "GET, POST, PUT, DELETE, OPTIONS");
        headers.put(ALLOW_HEADERS, "Content-Type, X-API-Key, X-Request-ID, X-Member-Nym, Authorization");
        headers.put(MAX_AGE, "86400");
        headers.put(NO_SNIFF, "nosniff");
        headers.put(FRAME_OPTIONS, "DENY");
        headers.put(REFERRER_POLICY, "no-referrer");
        if (exchange.getRequestMethod().equals(Methods.OPTIONS)) {
            exchange.setStatusCode(204);
            exchange.endExchange();
            return;
        }
        next.handleRequest(exchange);
    }

    /**
     * A version-4 UUID from a fast non-cryptographic generator: request ids correlate log lines,
     * they guard nothing, and {@link UUID#randomUUID()}'s SecureRandom is a bottleneck at high rates.
     */
    static String randomId() {
        var random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
