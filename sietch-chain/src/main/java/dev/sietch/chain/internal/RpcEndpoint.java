package dev.sietch.chain.internal;

import dev.sietch.chain.EndpointHealth;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;

/**
 * One JSON-RPC endpoint: its transport, its health (consecutive failures, latency, a cool-down
 * after a rate limit or repeated failures) and its metrics, tagged with its redacted name.
 */
final class RpcEndpoint {

    /** Consecutive failures after which an endpoint is only tried once healthier ones have failed. */
    static final int UNHEALTHY_AFTER = 3;

    private final int index;
    private final String name;
    private final JsonRpcHttp service;
    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> errors = new ConcurrentHashMap<>();

    private int consecutiveFailures;
    private long requests;
    private long failures;
    private double latencyMillis = Double.NaN;
    private Instant coolDownUntil = Instant.MIN;
    private String lastError = "";

    RpcEndpoint(int index, String name, JsonRpcHttp service, MeterRegistry registry, Clock clock) {
        this.index = index;
        this.name = name;
        this.service = service;
        this.registry = registry;
        Gauge.builder("sietch.rpc.endpoint.consecutive.failures", this, e -> e.health(clock.instant()).consecutiveFailures())
                .description("Failed requests in a row, per JSON-RPC endpoint")
                .tag("endpoint", name)
                .register(registry);
        Gauge.builder("sietch.rpc.endpoint.up", this, e -> e.health(clock.instant()).healthy() ? 1 : 0)
                .description("1 while the endpoint is answering, 0 while it is failing or cooling down")
                .tag("endpoint", name)
                .register(registry);
    }

    int index() {
        return index;
    }

    String name() {
        return name;
    }

    /** Text from the endpoint with anything that may hold its key removed. */
    String scrub(String text) {
        return service.scrub(text);
    }

    /** Sends one request; metrics and latency are recorded here, health by the caller's verdict. */
    <T extends Response<?>> T send(String method, List<?> params, Class<T> type) throws IOException {
        long started = System.nanoTime();
        try {
            return new Request<>(method, params, service, type).send();
        } finally {
            long nanos = System.nanoTime() - started;
            timers.computeIfAbsent(method, m -> Timer.builder("sietch.rpc.requests")
                    .description("JSON-RPC requests per endpoint and method, with their latency")
                    .tag("endpoint", name)
                    .tag("method", m)
                    .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
            synchronized (this) {
                requests++;
                double millis = nanos / 1e6;
                latencyMillis = Double.isNaN(latencyMillis) ? millis : 0.8 * latencyMillis + 0.2 * millis;
            }
        }
    }

    synchronized void succeeded() {
        consecutiveFailures = 0;
    }

    /**
     * Records a failure of the given kind ({@code timeout}, {@code http_5xx}, {@code io},
     * {@code rpc_error}, {@code rate_limited}, …); after {@link #UNHEALTHY_AFTER} in a row the
     * endpoint cools down for a while that grows with the streak.
     */
    void failed(String kind, String detail, Instant now, Duration baseDelay, Duration maxDelay) {
        errors.computeIfAbsent(kind, k -> Counter.builder("sietch.rpc.errors")
                .description("Failed JSON-RPC requests per endpoint and kind")
                .tag("endpoint", name)
                .tag("kind", k)
                .register(registry)).increment();
        synchronized (this) {
            consecutiveFailures++;
            failures++;
            lastError = kind + ": " + detail;
            if (consecutiveFailures >= UNHEALTHY_AFTER) {
                int doublings = Math.min(consecutiveFailures - UNHEALTHY_AFTER, 16);
                Duration wait = baseDelay.multipliedBy(1L << doublings);
                coolDown(now.plus(wait.compareTo(maxDelay) > 0 ? maxDelay : wait));
            }
        }
    }

    /** Not to be asked again before {@code until} (a {@code Retry-After}, or a failure streak). */
    synchronized void coolDown(Instant until) {
        if (until.isAfter(coolDownUntil)) {
            coolDownUntil = until;
        }
    }

    synchronized Instant coolDownUntil() {
        return coolDownUntil;
    }

    synchronized boolean coolingDown(Instant now) {
        return now.isBefore(coolDownUntil);
    }

    synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    synchronized EndpointHealth health(Instant now) {
        return new EndpointHealth(name, consecutiveFailures < UNHEALTHY_AFTER && !coolingDown(now), consecutiveFailures, requests, failures,
                Double.isNaN(latencyMillis) ? Duration.ZERO : Duration.ofNanos((long) (latencyMillis * 1e6)),
                lastError);
    }
}
