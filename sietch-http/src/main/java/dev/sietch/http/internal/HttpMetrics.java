package dev.sietch.http.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.undertow.server.HttpServerExchange;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Per-request meters, tagged by method, route template (never the raw path, so an address in the
 * path cannot create a series) and status: {@code sietch_http_requests_total} and
 * {@code sietch_http_request_duration_seconds} (a histogram with fixed buckets), the names the
 * Grafana dashboard queries.
 */
final class HttpMetrics {

    static final String UNMATCHED = "unmatched";

    private static final Duration[] BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)
    };

    private record Meters(Counter requests, Timer duration) {}

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, Meters> meters = new ConcurrentHashMap<>();

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Methods recorded by name; any other method is recorded as {@code OTHER}, so callers cannot create series. */
    private static final java.util.Set<String> METHODS =
            java.util.Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    void track(HttpServerExchange exchange, String method, String route, long startedNanos) {
        String tag = METHODS.contains(method) ? method : "OTHER";
        exchange.addExchangeCompleteListener((done, next) -> {
            try {
                record(tag, route, done.getStatusCode(), System.nanoTime() - startedNanos);
            } finally {
                next.proceed();
            }
        });
    }

    void record(String method, String route, int status, long nanos) {
        String key = method + ' ' + route + ' ' + status;
        Meters m = meters.get(key);
        if (m == null) {
            m = meters.computeIfAbsent(key, k -> create(method, route, status));
        }
        m.requests().increment();
        m.duration().record(nanos, TimeUnit.NANOSECONDS);
    }

    private Meters create(String method, String route, int status) {
        String code = Integer.toString(status);
        return new Meters(
                Counter.builder("sietch.http.requests").description("Total HTTP requests")
                        .tags("method", method, "route", route, "status", code).register(registry),
                Timer.builder("sietch.http.request.duration").description("HTTP request duration")
                        .tags("method", method, "route", route, "status", code)
                        .serviceLevelObjectives(BUCKETS).register(registry));
    }
}
