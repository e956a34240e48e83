package dev.sietch.http.internal;

import dev.sietch.http.internal.json.Json;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves every request off the I/O thread (routes read the store), then turns anything a route
 * throws into {@code 500 {"error":"Internal server error"}}, logged once with its cause; the body
 * never carries the exception's detail.
 */
final class ErrorHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandler.class);

    private final HttpHandler next;

    ErrorHandler(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        try {
            next.handleRequest(exchange);
        } catch (Exception e) {
            log.error("Request {} {} failed", exchange.getRequestMethod(), exchange.getRequestPath(), e);
            if (!exchange.isResponseStarted()) {
                Json.error(exchange, 500, "Internal server error");
            } else {
                exchange.endExchange();
            }
        }
    }
}
