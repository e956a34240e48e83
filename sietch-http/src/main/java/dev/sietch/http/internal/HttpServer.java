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
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Xnio;
import org.xnio.XnioWorker;

/** Undertow, the request pipeline and its orderly shutdown. */
public final class HttpServer {

    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    /** How long {@link #close()} waits for requests in flight before stopping anyway. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

    /** A connection that sends nothing for this long (mid-headers, mid-body or idle) is closed. */
    static final int READ_TIMEOUT_MILLIS = 10_000;

    /** After the listener closes, requests on connections already open are still served until this quiet spell. */
    static final Duration QUIET = Duration.ofMillis(300);

    private final Undertow undertow;
    private final XnioWorker worker;
    private final Drain shutdown;
    private final InetSocketAddress address;
    private final Router router;

    private HttpServer(Undertow undertow, XnioWorker worker, Drain shutdown, Router router) {
        this.undertow = undertow;
        this.worker = worker;
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
        // the server's own worker (Undertow's defaults: an I/O thread per core, at least 2, and 8
        // task threads each): closing the listener then leaves it running, so connections already
        // open are served to the end instead of being refused by a worker shutting down
        int ioThreads = Math.max(Runtime.getRuntime().availableProcessors(), 2);
        XnioWorker worker;
        try {
            worker = Xnio.getInstance(Undertow.class.getClassLoader()).createWorker(OptionMap.builder()
                    .set(Options.WORKER_NAME, "sietch-http")
                    .set(Options.WORKER_IO_THREADS, ioThreads)
                    .set(Options.WORKER_TASK_CORE_THREADS, ioThreads * 8)
                    .set(Options.WORKER_TASK_MAX_THREADS, ioThreads * 8)
                    .set(Options.TCP_NODELAY, true)
                    .getMap());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot start the HTTP worker threads", e);
        }
        var undertow = Undertow.builder()
                .setWorker(worker)
                .addHttpListener(settings.port(), settings.host())
                .setHandler(shutdown)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 30_000)
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, READ_TIMEOUT_MILLIS)
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, 64L * 1024)
                .setServerOption(UndertowOptions.MAX_HEADER_SIZE, 16 * 1024)
                .setSocketOption(Options.READ_TIMEOUT, READ_TIMEOUT_MILLIS)
                .build();
        try {
            undertow.start();
        } catch (RuntimeException e) {
            worker.shutdownNow();
            throw e;
        }
        var server = new HttpServer(undertow, worker, shutdown, router);
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
     * Stops in order, dropping no request: from now on every response closes its connection;
     * requests in flight finish (up to {@link #DRAIN_TIMEOUT}); the listener closes, so new
     * connections are refused (a reverse proxy retries those until the restarted service answers);
     * requests still arriving on connections already open are served until none has come for
     * {@link #QUIET}; then the worker stops.
     */
    public void close() {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        shutdown.stop();
        try {
            if (!shutdown.awaitIdle(DRAIN_TIMEOUT)) {
                log.warn("HTTP API stopping with {} request(s) still in flight after {}", shutdown.inFlight(),
                        DRAIN_TIMEOUT);
            }
            undertow.stop();
            shutdown.awaitQuiet(QUIET, Duration.ofNanos(Math.max(0, deadline - System.nanoTime()) + QUIET.toNanos()));
            worker.shutdown();
            if (!worker.awaitTermination(DRAIN_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            undertow.stop();
            worker.shutdownNow();
        }
        log.info("HTTP API stopped");
    }
}
