package dev.sietch.http.internal;

import dev.sietch.http.MemberTokens;
import dev.sietch.http.HttpSettings;
import dev.sietch.http.internal.json.Json;
import io.micrometer.core.instrument.MeterRegistry;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.Options;

/** Undertow, the request pipeline and its orderly shutdown. */
public final class HttpServer {

    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    /** How long {@link #close()} waits for requests in flight before stopping anyway. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

    /** A connection that sends nothing for this long (mid-headers, mid-body or idle) is closed. */
    static final int READ_TIMEOUT_MILLIS = 10_000;

    private final Undertow undertow;
    private final Drain shutdown;
    private final InetSocketAddress address;
    private final Router router;

    private HttpServer(Undertow undertow, Drain shutdown, Router router) {
        this.undertow = undertow;
        this.shutdown = shutdown;
        this.router = router;
        this.address = (InetSocketAddress) undertow.getListenerInfo().getFirst().getAddress();
    }

    /** @param routes every route the server answers */
    public static HttpServer start(HttpSettings settings, List<Route> routes, MeterRegistry registry, Clock clock) {
        var router = new Router(routes);
        var limits = settings.rateLimits();
        var pipeline = new Pipeline(router,
                new Pipeline.Limits(limiter(limits.publicPerMinute(), clock), limiter(limits.memberPerMinute(), clock),
                        limiter(limits.adminPerMinute(), clock)),
                new ClientAddresses(settings.trustedProxies()),
                new AdminAuth(settings.adminKeys()),
                settings.memberTokenSecret().map(MemberTokens::new),
                clock,
                new HttpMetrics(registry));
        HttpHandler guarded = exchange -> {
            try {
                pipeline.handleRequest(exchange);
            } catch (RuntimeException e) {
                log.error("Request {} {} failed before routing", exchange.getRequestMethod(), exchange.getRelativePath(), e);
                if (!exchange.isResponseStarted()) {
                    Json.error(exchange, 500, "Internal server error");
                }
            }
        };
        var shutdown = new Drain(new CommonHeaders(guarded));
        var undertow = Undertow.builder()
                .addHttpListener(settings.port(), settings.host())
                .setHandler(shutdown)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 30_000)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, READ_TIMEOUT_MILLIS)
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, 64L * 1024)
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, 16 * 1024)
                .setSocketOption(Options.READ_TIMEOUT, READ_TIMEOUT_MILLIS)
                .build();
        undertow.start();
        var server = new HttpServer(undertow, shutdown, router);
        log.info("HTTP API listening on {}:{} ({} routes)", server.address.getHostString(), server.address.getPort(),
                router.routes().size());
        return server;
    }

    private static RateLimiter limiter(int perMinute, Clock clock) {
        return perMinute == 0 ? null : new RateLimiter(perMinute, Duration.ofMinutes(1), clock);
    }

    public InetSocketAddress address() {
        return address;
    }

    public List<Route> routes() {
        return router.routes();
    }

    /**
     * Stops in order: requests in flight finish (up to {@link #DRAIN_TIMEOUT}); requests arriving
     * meanwhile are still answered, each closing its connection; then the listener closes, so
     * later connections are refused (which a reverse proxy retries) rather than answered 503.
     */
    public void close() {
        shutdown.stop();
        try {
            if (!shutdown.awaitIdle(DRAIN_TIMEOUT)) {
                log.warn("HTTP API stopped with {} request(s) still in flight after {}", shutdown.inFlight(),
                        DRAIN_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        undertow.stop();
        log.info("HTTP API stopped");
    }
}
