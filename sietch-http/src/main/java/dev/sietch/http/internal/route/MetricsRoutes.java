package dev.sietch.http.internal.route;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.util.Headers;
import java.util.function.Supplier;

/** {@code GET /metrics}: the Prometheus text exposition, format 0.0.4. */
public final class MetricsRoutes {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Supplier<String> scrape;

    public MetricsRoutes(Supplier<String> scrape) {
        this.scrape = scrape;
    }

    public void register(RoutingHandler routing) {
        routing.get("/metrics", this::metrics);
    }

    private void metrics(HttpServerExchange exchange) {
        String body = scrape.get();
        exchange.setStatusCode(200);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, CONTENT_TYPE);
        exchange.getResponseSender().send(body);
    }
}
