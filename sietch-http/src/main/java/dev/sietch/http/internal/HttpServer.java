package dev.sietch.http.internal;

import dev.sietch.http.HttpApi;
import dev.sietch.http.HttpSettings;
import dev.sietch.http.internal.json.Json;
import dev.sietch.core.usecase.ReadEligibility;
import dev.sietch.http.internal.route.EligibilityRoutes;
import dev.sietch.http.internal.route.HealthRoutes;
import dev.sietch.http.internal.route.MetricsRoutes;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Undertow, its routes and its orderly shutdown. */
public final class HttpServer {

    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    /** How long {@link #close()} waits for requests in flight before stopping anyway. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

    private final Undertow undertow;
    private final GracefulShutdownHandler shutdown;
    private final InetSocketAddress address;

    private HttpServer(Undertow undertow, GracefulShutdownHandler shutdown) {
        this.undertow = undertow;
        this.shutdown = shutdown;
        this.address = (InetSocketAddress) undertow.getListenerInfo().getFirst().getAddress();
    }

    public static HttpServer start(HttpSettings settings, HttpApi.Sources sources) {
        var shutdown = new GracefulShutdownHandler(new CommonHeaders(new ErrorHandler(routes(sources))));
        var undertow = Undertow.builder()
                .addHttpListener(settings.port(), settings.host())
                .setHandler(shutdown)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 30_000)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, 10_000)
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, 64L * 1024)
                .build();
        undertow.start();
        var server = new HttpServer(undertow, shutdown);
        log.info("HTTP API listening on {}:{}", server.address.getHostString(), server.address.getPort());
        return server;
    }

    private static HttpHandler routes(HttpApi.Sources sources) {
        var routing = new RoutingHandler();
        new HealthRoutes(sources.syncHealth(), sources.syncInterval(), sources.clock()).register(routing);
        new MetricsRoutes(sources.metricsScrape()).register(routing);
        new EligibilityRoutes(new ReadEligibility(sources.rankings(), sources.syncHealth(), sources.policy(),
                sources.clock())).register(routing);
        routing.setFallbackHandler(exchange -> Json.error(exchange, 404, "Not found"));
        routing.setInvalidMethodHandler(exchange -> Json.error(exchange, 404, "Not found"));
        return routing;
    }

    public InetSocketAddress address() {
        return address;
    }

    public void close() {
        shutdown.shutdown();
        try {
            if (!shutdown.awaitShutdown(DRAIN_TIMEOUT.toMillis())) {
                log.warn("HTTP API stopped with requests still in flight after {}", DRAIN_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        undertow.stop();
        log.info("HTTP API stopped");
    }
}
