package dev.sietch.http.internal;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts requests in flight, for an orderly stop. While the server stops, requests still arriving
 * are served as usual but end their connection ({@code Connection: close}) instead of being refused
 * with 503: a reverse proxy cannot retry a 503 safely, but it retries a connection that is refused
 * once the listener is gone, until the restarted service answers.
 */
final class Drain implements HttpHandler {

    private final HttpHandler next;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile long lastRequest = System.nanoTime();
    private volatile boolean stopping;

    Drain(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        inFlight.incrementAndGet();
        lastRequest = System.nanoTime();
        exchange.addExchangeCompleteListener((ex, proceed) -> {
            inFlight.decrementAndGet();
            proceed.proceed();
        });
        if (stopping) {
            exchange.setPersistent(false);
        }
        next.handleRequest(exchange);
    }

    /** From now on every response closes its connection. */
    void stop() {
        stopping = true;
    }

    /** Waits until no request is in flight; false if some still were after {@code timeout}. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
        return true;
    }

    /**
     * Waits until no request is in flight and none has arrived for {@code quiet}, or at most
     * {@code timeout}.
     */
    void awaitQuiet(Duration quiet, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (inFlight.get() == 0 && System.nanoTime() - lastRequest >= quiet.toNanos()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    int inFlight() {
        return inFlight.get();
    }
}
