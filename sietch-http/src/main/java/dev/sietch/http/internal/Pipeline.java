package dev.sietch.http.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sietch.http.MemberTokens;
import dev.sietch.http.internal.json.Json;
import io.undertow.io.Receiver;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request after {@link CommonHeaders}, in this order: rate limits (public, then member for
 * {@code /api}, admin for {@code /admin}), the admin key for any {@code /admin} path (so unknown
 * admin paths answer 401/403 before 404, revealing no admin route), routing, the member token for
 * member routes, then the JSON body (at most {@value #MAX_BODY_BYTES} bytes, within
 * {@value #BODY_DEADLINE_MILLIS} ms, read without holding a worker thread), and finally the route
 * on a worker thread (or on the I/O thread, for a route that answers from memory). A route's {@link HttpError} becomes
 * its {@code {"error": …}} answer; anything else becomes a logged 500 whose body says nothing more.
 *
 * <p>Malformed JSON and a JSON body that is not an object give 400 and an oversized body 413
 * (client errors, not server errors), and the
 * rate limits run before the body is read.
 */
final class Pipeline implements HttpHandler {

    static final int MAX_BODY_BYTES = 10 * 1024;

    /** The longest a request body may take to arrive, however steadily it trickles in. */
    static final long BODY_DEADLINE_MILLIS = 15_000;

    static final String TOO_MANY = "Too many requests, please try again later";
    static final String TOO_MANY_ADMIN = "Too many admin requests, please try again later";

    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);
    private static final HttpString API_KEY = new HttpString("X-API-Key");
    private static final HttpString POLICY = new HttpString("RateLimit-Policy");
    private static final HttpString LIMIT = new HttpString("RateLimit-Limit");
    private static final HttpString REMAINING = new HttpString("RateLimit-Remaining");
    private static final HttpString RESET = new HttpString("RateLimit-Reset");

    /** The limiters; null where a limit is turned off. */
    record Limits(RateLimiter publicLimit, RateLimiter memberLimit, RateLimiter adminLimit) {}

    private enum Area { PUBLIC, API, ADMIN }

    /** Routes a machine-local monitor polls; see {@link #localProbe}. */
    private static final java.util.Set<String> PROBES = java.util.Set.of("/health", "/metrics");

    private final Router router;
    private final Limits limits;
    private final ClientAddresses clients;
    private final AdminAuth adminAuth;
    private final Optional<MemberTokens> memberTokens;
    private final Clock clock;
    private final HttpMetrics metrics;

    Pipeline(Router router, Limits limits, ClientAddresses clients, AdminAuth adminAuth,
            Optional<MemberTokens> memberTokens, Clock clock, HttpMetrics metrics) {
        this.router = router;
        this.limits = limits;
        this.clients = clients;
        this.adminAuth = adminAuth;
        this.memberTokens = memberTokens;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        long started = System.nanoTime();
        String path = exchange.getRelativePath();
        String method = exchange.getRequestMethod().toString();
        Optional<Router.Match> match = router.match(method, path);
        metrics.track(exchange, method, match.map(m -> m.route().template()).orElse(HttpMetrics.UNMATCHED), started);

        String client = clients.key(exchange);
        Area area = area(path);
        if (!localProbe(exchange, match) && !allow(exchange, limits.publicLimit(), client, TOO_MANY)) {
            return;
        }
        Optional<String> admin = Optional.empty();
        if (area == Area.ADMIN) {
            AdminAuth.Result auth = adminAuth.check(Optional.ofNullable(exchange.getRequestHeaders().getFirst(API_KEY)));
            String key = auth instanceof AdminAuth.Admin a ? "admin:key:" + a.name() : "admin:ip:" + client;
            if (!allow(exchange, limits.adminLimit(), key, TOO_MANY_ADMIN)) {
                return;
            }
            switch (auth) {
                case AdminAuth.Missing missing -> {
                    Json.error(exchange, 401, "API key required");
                    return;
                }
                case AdminAuth.Invalid invalid -> {
                    log.warn("Rejected an invalid admin API key from {} for {} {}", client, method, Query.printable(path));
                    Json.error(exchange, 403, "Invalid API key");
                    return;
                }
                case AdminAuth.Admin named -> admin = Optional.of(named.name());
            }
        } else if (area == Area.API && !allow(exchange, limits.memberLimit(), "member:" + client, TOO_MANY)) {
            return;
        }
        if (match.isEmpty()) {
            Json.error(exchange, 404, "Not found");
            return;
        }
        Route route = match.get().route();
        Optional<String> member = Optional.empty();
        if (route.access() == Route.Access.MEMBER) {
            member = authenticateMember(exchange);
            if (member.isEmpty()) {
                exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer realm=\"sietch\"");
                Json.error(exchange, 401, "Authentication required");
                return;
            }
        }
        Optional<String> caller = member;
        Optional<String> administrator = admin;
        Map<String, String> parameters = match.get().parameters();
        if (route.body() && hasBody(exchange)) {
            if (exchange.getRequestContentLength() > MAX_BODY_BYTES) {
                // before the receiver, which would size its buffer by the declared length
                exchange.setPersistent(false);
                Json.error(exchange, 413, "Request body too large");
                return;
            }
            exchange.getRequestReceiver().setMaxBufferSize(MAX_BODY_BYTES);
            // the socket read timeout bounds each pause; this bounds a body dripped slowly as a whole
            XnioExecutor.Key deadline = exchange.getIoThread().executeAfter(() -> {
                if (!exchange.isResponseStarted()) {
                    log.debug("Request body not complete after {} ms; closing the connection", BODY_DEADLINE_MILLIS);
                    IoUtils.safeClose(exchange.getConnection());
                }
            }, BODY_DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
            exchange.addExchangeCompleteListener((ex, next) -> {
                deadline.remove();
                next.proceed();
            });
            exchange.getRequestReceiver().receiveFullBytes(
                    (ex, bytes) -> {
                        deadline.remove();
                        ObjectNode body;
                        try {
                            body = isJson(ex) ? JsonBodies.parse(bytes) : JsonBodies.empty();
                        } catch (HttpError e) {
                            Json.error(ex, e.status(), e.getMessage());
                            return;
                        }
                        ex.dispatch(() -> run(ex, route, parameters, body, administrator, caller));
                    },
                    (ex, error) -> {
                        if (error instanceof Receiver.RequestToLargeException || error instanceof RequestTooBigException) {
                            ex.setPersistent(false);
                            Json.error(ex, 413, "Request body too large");
                        } else {
                            log.debug("Could not read a request body: {}", error.toString());
                            ex.setPersistent(false);
                            Json.error(ex, 400, "Incomplete request body");
                        }
                    });
            return;
        }
        ObjectNode empty = JsonBodies.empty();
        if (route.nonBlocking()) {
            run(exchange, route, parameters, empty, administrator, caller);
        } else {
            exchange.dispatch(() -> run(exchange, route, parameters, empty, administrator, caller));
        }
    }

    private void run(HttpServerExchange exchange, Route route, Map<String, String> parameters, ObjectNode body,
            Optional<String> admin, Optional<String> member) {
        try {
            route.handler().handle(new Call(exchange, parameters, body, admin, member, clock.instant()));
        } catch (HttpError e) {
            if (!exchange.isResponseStarted()) {
                Json.error(exchange, e.status(), e.getMessage());
            }
        } catch (Exception e) {
            log.error("Request {} {} failed", exchange.getRequestMethod(), route.template(), e);
            if (!exchange.isResponseStarted()) {
                Json.error(exchange, 500, "Internal server error");
            } else {
                exchange.endExchange();
            }
        }
    }

    private Optional<String> authenticateMember(HttpServerExchange exchange) {
        if (memberTokens.isEmpty()) {
            return Optional.empty();
        }
        String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (authorization == null || authorization.length() < 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return memberTokens.get().verify(authorization.substring(7).strip(), clock.instant());
    }

    /**
     * A health check or scrape made on this machine (the reverse proxy's health checks, Prometheus,
     * a deploy script): never rate-limited, because a 429 would mark the service down. Requests
     * the proxy forwards carry X-Forwarded-For and are limited as their client's.
     */
    private static boolean localProbe(HttpServerExchange exchange, Optional<Router.Match> match) {
        if (match.isEmpty() || !PROBES.contains(match.get().route().template())) {
            return false;
        }
        java.net.InetSocketAddress peer = exchange.getSourceAddress();
        return peer != null && peer.getAddress() != null && peer.getAddress().isLoopbackAddress()
                && !exchange.getRequestHeaders().contains(Headers.X_FORWARDED_FOR);
    }

    /** @return false if the request was answered with 429 */
    private static boolean allow(HttpServerExchange exchange, RateLimiter limiter, String key, String message) {
        if (limiter == null) {
            return true;
        }
        RateLimiter.Decision decision = limiter.acquire(key);
        var headers = exchange.getResponseHeaders();
        headers.put(POLICY, limiter.policy());
        headers.put(LIMIT, decision.limit());
        headers.put(REMAINING, decision.remaining());
        headers.put(RESET, decision.resetSeconds());
        if (decision.allowed()) {
            return true;
        }
        headers.put(Headers.RETRY_AFTER, decision.resetSeconds());
        Json.error(exchange, 429, message);
        return false;
    }

    private static Area area(String path) {
        int start = path.startsWith("/") ? 1 : 0;
        int end = path.indexOf('/', start);
        String first = path.substring(start, end < 0 ? path.length() : end);
        if (first.equalsIgnoreCase("api")) {
            return Area.API;
        }
        if (first.equalsIgnoreCase("admin")) {
            return Area.ADMIN;
        }
        return Area.PUBLIC;
    }

    private static boolean hasBody(HttpServerExchange exchange) {
        return exchange.getRequestContentLength() > 0
                || exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING);
    }

    private static boolean isJson(HttpServerExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        if (type == null) {
            return false;
        }
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT)
                .equals("application/json");
    }

}
