package dev.sietch.http.internal;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What every response carries, whatever route answers: {@code X-Request-ID} (the caller's, if it
 * is a sane token, else a fresh UUID), the predecessor's CORS headers, and the security headers it
 * left to the proxy. {@code OPTIONS} on any path is answered here with 204 (CORS preflight), as the
 * predecessor did, before routing. A trailing slash is ignored ({@code /eligibility/} is the list).
 */
final class CommonHeaders implements HttpHandler {

    static final HttpString REQUEST_ID = new HttpString("X-Request-ID");

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
        headers.put(REQUEST_ID, incoming != null && SAFE_ID.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString());
        headers.put(new HttpString("Access-Control-Allow-Origin"), "*");
        headers.put(new HttpString("Access-Control-Allow-Methods"), "GET, POST, DELETE, OPTIONS");
        headers.put(new HttpString("Access-Control-Allow-Headers"), "Content-Type, X-API-Key, X-Request-ID, X-Member-Nym");
        headers.put(new HttpString("Access-Control-Max-Age"), "86400");
        headers.put(new HttpString("X-Content-Type-Options"), "nosniff");
        headers.put(new HttpString("X-Frame-Options"), "DENY");
        headers.put(new HttpString("Referrer-Policy"), "no-referrer");
        if (exchange.getRequestMethod().equals(Methods.OPTIONS)) {
            exchange.setStatusCode(204);
            exchange.endExchange();
            return;
        }
        String path = exchange.getRelativePath();
        if (path.length() > 1 && path.endsWith("/")) {
            exchange.setRelativePath(path.substring(0, path.length() - 1));
        }
        next.handleRequest(exchange);
    }
}
